package io.relais.feed.timeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How posts reach home timelines: pushed on write for normal audiences, pulled on read for big ones. */
@ConfigMapping(prefix = "feed.fanout")
public interface FanOutConfig {

    /**
     * Audience size (members + followers of a community, followers of an author or hashtag) above which
     * a post is not copied into each reader's timeline but merged from the source's timeline on read
     * (500 since issue 18, see docs/BENCHMARKS.md; 2000 before).
     */
    @WithDefault("500")
    int pullThreshold();

    /** Most entries one day-bucket of one timeline keeps (the newest win); bounds the document size. */
    @WithDefault("300")
    int bucketCapacity();

    /** Days of timeline kept; older buckets are dropped by a nightly job (TTL indexes do not run here). */
    @WithDefault("180")
    int retentionDays();

    /** How long an audience size is trusted before being read again (0 = always read). */
    @WithDefault("PT30S")
    Duration reachCacheTtl();
}
