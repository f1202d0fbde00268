package io.relais.search.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the search index. */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Where index generations live on local disk; one sub-directory per generation, CURRENT names the live one. */
    String indexDir();

    /**
     * Longest wait between a write and it being searchable: a search finds every write made more than this before
     * it (a search that finds the searcher older than this refreshes it first).
     */
    @WithDefault("150ms")
    Duration refreshInterval();

    /**
     * How often writes are made visible when nobody searches (the background near-real-time reopen). Each refresh of a
     * changed index writes a small segment that merges later rewrite, so under ingest without searches the index is
     * refreshed at this pace rather than every {@link #refreshInterval} (issue 18: refreshes and the merges of their
     * segments were half of this service's CPU under ingest).
     */
    @WithDefault("1s")
    Duration backgroundRefreshInterval();

    /** How often writes are made durable (Lucene commit); Kafka offsets are acknowledged only after it. */
    @WithDefault("1s")
    Duration commitInterval();

    /**
     * This replica's name (default: the host name, which is the pod name in Kubernetes): each replica
     * consumes with its own group {@code search-service-<replica-id>} and so keeps a full index.
     */
    String replicaId();

    /** Largest page a client may ask for. */
    @WithDefault("50")
    int maxLimit();

    /** Longest query text accepted, in characters. */
    @WithDefault("500")
    int maxQueryChars();
}
