package io.relais.kit.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keyed store reads remembered for the length of one batch on the calling thread, so a batch that names the same
 * key many times (a hundred cards to one community, by three owners) reads it once; outside a batch every
 * {@link #get} reads the store. Nothing outlives the batch: the next batch sees the store as it is then.
 *
 * @param <K> the key read by (e.g. a community IRI)
 * @param <V> what a read answers (may be an {@code Optional}; {@code null} is not remembered)
 */
public final class BatchMemo<K, V> {

    private final ThreadLocal<Map<K, V>> memo = new ThreadLocal<>();
    private final Function<K, V> read;

    /** @param read the store read for one key */
    public BatchMemo(Function<K, V> read) {
        this.read = read;
    }

    /** The key's value: remembered from earlier in this thread's batch, else read (and remembered if in a batch). */
    public V get(K key) {
        Map<K, V> remembered = memo.get();
        return remembered != null ? remembered.computeIfAbsent(key, read) : read.apply(key);
    }

    /**
     * Runs a batch's work with each key read at most once; a nested call joins the enclosing batch. The memory ends
     * with the outermost call, whatever it throws.
     */
    public <T> T during(Supplier<T> work) {
        if (memo.get() != null) return work.get();
        memo.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            memo.remove();
        }
    }
}
