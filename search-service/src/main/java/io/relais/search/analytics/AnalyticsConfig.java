package io.relais.search.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the community managers' insights. */
@ConfigMapping(prefix = "relais.analytics")
public interface AnalyticsConfig {

    /**
     * The smallest group of people a figure may be about: a figure computed over fewer people (active people of a
     * bucket, members, contributors, authors of a hashtag) is answered as withheld, never as a number.
     */
    @WithDefault("5")
    int minGroup();
}
