package io.relais.feed.feedview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Page sizes and the weights of the "relevant" order (see README, "Feeds, notifications, live"). */
@ConfigMapping(prefix = "feed.read")
public interface FeedConfig {

    @WithDefault("20")
    int defaultPageSize();

    /** Larger pages are refused with a problem naming the {@code limit} field. */
    @WithDefault("50")
    int maxPageSize();

    Relevance relevance();

    interface Relevance {
        @WithDefault("0.45")
        double affinityWeight();

        @WithDefault("0.25")
        double engagementWeight();

        @WithDefault("0.30")
        double recencyWeight();

        /** Recency halves every half-life. */
        @WithDefault("PT24H")
        Duration halfLife();

        /** Engagement (reactions + 2 × comments) at which the log-scaled engagement reaches 1. */
        @WithDefault("50")
        int engagementSaturation();

        /** Added to an active announcement's score so it ranks above any ordinary post (whose total ≤ 1). */
        @WithDefault("10")
        double announcementBoost();

        /** How many of the newest visible items are ranked (the relevant order re-sorts this window). */
        @WithDefault("150")
        int window();
    }
}
