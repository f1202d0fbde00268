package io.relais.feed.readcache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The per-replica caches of the read path ({@link ReadCaches}), {@code feed.read-cache.*}. */
@ConfigMapping(prefix = "feed.read-cache")
public interface ReadCacheConfig {

    /** Off: every read goes to the store (each cache is then a pass-through). */
    @WithDefault("true")
    boolean enabled();

    /** Most people whose per-person facts (memberships, follows, dismissals, reactions, home days…) each cache holds. */
    @WithDefault("20000")
    long maxPeople();

    /**
     * Most posts, comment threads, communities or previews each cache of content holds. A stored post weighs a few
     * kilobytes: the default keeps the posts cache to some 30 MB of a replica's heap (the local stack runs each service
     * with 384 MB); the TTL keeps only what was read in its last 30 s anyway.
     */
    @WithDefault("10000")
    long maxItems();

    /**
     * How long a value read from the store is served before being read again. It bounds the staleness of what
     * no activity announces to this replica (a dismissal or a profile change made through another replica, a home
     * timeline day the fan-out opened for an older card); what the activities topic announces applies at once.
     */
    @WithDefault("PT30S")
    Duration ttl();

    /**
     * A value read less than this long after an activity named it is served but not kept: the consumers that apply
     * that activity to the store (cards, interactions, a board written after its post) may not have done so yet.
     */
    @WithDefault("PT5S")
    Duration settle();
}
