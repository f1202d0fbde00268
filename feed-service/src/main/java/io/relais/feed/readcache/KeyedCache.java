package io.relais.feed.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One bounded cache of the read path, keyed by IRI (a person, a post, a community), with the guard that makes it
 * safe to fill from the store while changes arrive: a value read from the store is kept only if no change named its
 * key since the read started, nor within {@link ReadCacheConfig#settle()} before (see {@link ReadCaches#changed}).
 * Values are shared by every reader of the replica: they are stored facts, never an answer trimmed for one viewer.
 *
 * @param <V> the cached value (an immutable record or collection)
 */
public final class KeyedCache<V> {

    private final ReadCaches owner;
    private final Cache<String, V> values;
    private final Counter hits;
    private final Counter misses;

    KeyedCache(ReadCaches owner, String name, long maxSize, MeterRegistry meters) {
        this.owner = owner;
        this.values = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(owner.config().ttl()).build();
        this.hits = meters == null ? null : Counter.builder("relais.feed.read.cache.reads").tag("cache", name)
                .tag("result", "hit").description("read-path values answered from this replica's memory").register(meters);
        this.misses = meters == null ? null : Counter.builder("relais.feed.read.cache.reads").tag("cache", name)
                .tag("result", "miss").description("read-path values read from the store").register(meters);
    }

    /** The instant (nanoTime) to give {@link #put} for a value about to be read from the store. */
    public long readStarts() {
        return System.nanoTime();
    }

    /** The value held for this key, or null (never held, expired, changed since, or the caches are off). */
    public V peek(String key) {
        if (!owner.config().enabled()) return null;
        V v = values.getIfPresent(key);
        count(v != null ? 1 : 0, v != null ? 0 : 1);
        return v;
    }

    /** Keeps a value read from the store from {@code readStartedAt} on, unless a change named the key since (or just before). */
    public void put(String key, V value, long readStartedAt) {
        if (!owner.config().enabled() || value == null) return;
        values.asMap().compute(key, (k, held) -> owner.settledSince(k, readStartedAt) ? value : held);
    }

    /** The value of one key, read with {@code load} when not held; a null load is answered and not kept. */
    public V get(String key, Function<String, V> load) {
        V held = peek(key);
        if (held != null) return held;
        long started = readStarts();
        V loaded = load.apply(key);
        put(key, loaded, started);
        return loaded;
    }

    /**
     * The values of several keys; those not held are read with one call of {@code load}. Keys {@code load} does not
     * answer are absent from the result and not kept (so a document written later is read then).
     */
    public Map<String, V> getAll(Collection<String> keys, Function<Collection<String>, Map<String, V>> load) {
        Map<String, V> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            V held = peek(key);
            if (held != null) out.put(key, held);
            else missing.add(key);
        }
        if (missing.isEmpty()) return out;
        long started = readStarts();
        Map<String, V> loaded = load.apply(missing);
        for (String key : missing) {
            V v = loaded.get(key);
            if (v == null) continue;
            out.put(key, v);
            put(key, v, started);
        }
        return out;
    }

    void invalidate(String key) {
        values.invalidate(key);
    }

    /** Drops everything held (a restart in tests). */
    public void clear() {
        values.invalidateAll();
    }

    private void count(int hit, int miss) {
        if (hits == null) return;
        if (hit > 0) hits.increment(hit);
        if (miss > 0) misses.increment(miss);
    }
}
