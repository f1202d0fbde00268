package io.relais.feed.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "feed.live")
public interface LiveConfig {

    /** Interval of the SSE heartbeat comment (read by the scheduler as {@code feed.live.heartbeat}). */
    @WithDefault("20s")
    String heartbeat();

    /** A few tabs and devices per person; beyond that the oldest stream is closed. */
    @WithDefault("5")
    int maxStreamsPerPerson();
}
