package io.relais.feed.hottimeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The per-replica cache of hot source timelines ({@link HotTimelines}). */
@ConfigMapping(prefix = "feed.hot-timelines")
public interface HotTimelinesConfig {

    /** Off: every timeline read goes to the store (the cache is then a pass-through). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Most timeline entries held, summed over the cached day buckets (a bucket weighs its entries, at
     * least 1); at ~200 bytes an entry, the default bounds the cache to about 20 MB per replica.
     */
    @WithDefault("100000")
    long maxEntries();

    /** Most owners whose list of days is held. */
    @WithDefault("20000")
    long maxHeads();

    /**
     * How long a bucket or a list of days read from the store is served before being read again. It bounds
     * the staleness of what no activity announced (a replica started while a post was between its producer
     * and the fan-out); announced changes apply at once.
     */
    @WithDefault("PT30S")
    Duration ttl();

    /**
     * How long an announced Create or removal is remembered, to be merged into a bucket read from the store
     * later (the fan-out consumer may write it after this replica heard of it). Longer than {@link #ttl()}.
     */
    @WithDefault("PT2M")
    Duration recentWindow();
}
