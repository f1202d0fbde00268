package io.relais.local.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique-index maps (the {@code _id} index of every collection and each
 * unique index): on disk and in order exactly H2's {@link ObjectDataType}, which mongo-java-server's
 * H2 backend opens those maps with, but each key's serialised form is computed once instead of on
 * every comparison.
 *
 * <p>Why: an index key is a mongo-java-server {@link KeyValue}, which is not {@link Comparable}, so
 * {@code ObjectDataType} orders two keys by Java-serialising both and comparing the bytes (unsigned,
 * then by length: {@link ObjectDataType#compareNotNull}). A B-tree look-up makes a few dozen such
 * comparisons; profiles of the local stack showed 45% of the store's CPU there. This type gives the
 * same sign for every pair (so existing data files keep their order and stay readable, and the index maps
 * it writes keep the stock format; documents, though, are now BSON: {@link BsonDocumentType}): the bytes
 * are the very {@link ObjectDataType#serialize} result of that key instance, remembered per instance
 * (identity, weakly held). Keys read from a page stay the same instances while the page is cached, so each
 * is serialised about once per page load; a probe key
 * once per look-up (kept per thread for that search).
 *
 * <p>Bound: an entry lives no longer than its key instance, i.e. than the MVStore page holding it (the page
 * cache is bounded) or the request using it. The bytes take about half of what MVStore already counts for
 * such a key (it estimates a serialised object's memory at twice its serialised length). A size bound was
 * measured and dropped: its access-order upkeep cost as much as it saved (7.5% of the raw store anchor's
 * samples in comparisons with it, 3.4% without, against 16.2% with the stock key type).
 *
 * <p>Keys are treated as immutable once compared, as the B-tree itself requires: mongo-java-server builds
 * index keys from normalised copies of a document's values (numbers, sub-documents and lists are copied,
 * strings and ids are immutable) and never changes a key afterwards. (Its stored documents, by contrast,
 * are updated in place, which is why their serialised form is not remembered.) Every other kind of
 * key (and writing, reading, memory estimates) is {@link ObjectDataType}'s own code. One instance per
 * map, as {@code ObjectDataType} keeps per-map state; the remembered bytes are shared by all maps.
 */
public final class IndexKeyOrder extends ObjectDataType {

    private static final Cache<KeyValue, byte[]> SERIALISED = Caffeine.newBuilder()
            .weakKeys()
            // upkeep on the calling thread: handing it to the common pool cost more than it saved
            .executor(Runnable::run)
            .build();

    /** The probe key of this thread's current B-tree search (the first argument of its comparisons). */
    private static final ThreadLocal<Probe> PROBE = ThreadLocal.withInitial(Probe::new);

    /**
     * Orders two keys as {@link ObjectDataType#compare} does.
     *
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            if (first == second) {
                return 0;
            }
            return compareNotNull(probe(first), serialised(second));
        }
        return super.compare(a, b);
    }

    /** A page's key: remembered while it lives (pages keep their key instances while cached). */
    private static byte[] serialised(KeyValue key) {
        return SERIALISED.get(key, ObjectDataType::serialize);
    }

    /**
     * A B-tree search compares one probe key (mostly short-lived, built per request) with many page keys:
     * the probe's bytes are kept per thread for the search rather than entered in the shared cache.
     */
    private static byte[] probe(KeyValue key) {
        Probe probe = PROBE.get();
        if (probe.key != key) {
            byte[] remembered = SERIALISED.getIfPresent(key);
            probe.bytes = remembered != null ? remembered : serialize(key);
            probe.key = key;
        }
        return probe.bytes;
    }

    private static final class Probe {
        private KeyValue key;
        private byte[] bytes;
    }
}
