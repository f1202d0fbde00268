package io.relais.feed.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "feed.notifications")
public interface NotificationConfig {

    /** Most notifications kept per person and day (the newest win). */
    @WithDefault("200")
    int bucketCapacity();

    /** Days of notifications kept; older buckets are dropped by a nightly job. */
    @WithDefault("90")
    int retentionDays();

    /** Most communities and threads one person may mute. */
    @WithDefault("500")
    int maxMutes();

    @WithDefault("20")
    int defaultPageSize();

    @WithDefault("50")
    int maxPageSize();
}
