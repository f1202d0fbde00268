package io.relais.local.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
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
 * <p>Keys holding one string — the {@code _id} of every collection of the stack — are ordered from the strings
 * themselves ({@link #compareSingleStrings}), without any bytes: the same sign as the stock order, derived from
 * the serialised form rather than computed through it (under ingest, the bytes' look-ups and the probes'
 * serialisation were still 22% of the store's samples).
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
            int byText = compareSingleStrings(first, second);
            if (byText != NOT_SINGLE_STRINGS) {
                return byText;
            }
            return compareNotNull(probe(first), serialised(second));
        }
        return super.compare(a, b);
    }

    /**
     * Writes a key as {@link ObjectDataType} writes it — {@code KeyValue} is not a type H2 knows, so its serialised
     * form: the tag {@value #SERIALIZED_OBJECT}, the length as a variable-size int, then the Java-serialised bytes
     * ({@code ObjectDataType.SerializedObjectType#write}) — from the bytes remembered for this key instance. The
     * stock type builds a new {@code ObjectOutputStream} for every key of every page it writes: under connector
     * ingest that was the store's largest allocation site and 14% of its page-writing thread's samples (JFR, issue
     * 18, eleventh pass), though a page's keys are the same instances, and their bytes the same, from one write of
     * the page to the next. Other keys are written by the stock code.
     */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue indexKey) {
            byte[] bytes = serialised(indexKey);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
            return;
        }
        super.write(buffer, key);
    }

    /** {@code ObjectDataType}'s tag of a Java-serialised value ({@code TYPE_SERIALIZED_OBJECT}, not public). */
    static final byte SERIALIZED_OBJECT = 19;

    /** {@link #compareSingleStrings} could not tell: the stock comparison decides. */
    private static final int NOT_SINGLE_STRINGS = Integer.MIN_VALUE;

    /** Longest string Java serialisation writes with a two-byte length ({@code TC_STRING}); longer ones differ. */
    private static final int SHORT_STRING_MAX_BYTES = 0xFFFF;

    /**
     * The stock order of two keys that each hold one string (every {@code _id} of the stack's collections), computed
     * from the strings. Both keys serialise to the same bytes up to the string (a {@code KeyValue} always holds an
     * {@code ArrayList}; one element), then {@code TC_STRING}, the string's modified-UTF-8 length in two bytes
     * (big-endian) and its modified-UTF-8 bytes, then the same closing bytes. So the first difference is in the length,
     * or, at equal lengths, in the first differing character, whose encodings order as the UTF-16 code units do
     * (UTF-8's lead bytes order by width, and modified UTF-8 encodes each surrogate as a 3-byte unit between
     * U+D7FF and U+E000) — except U+0000, encoded in two bytes, which is left to the stock comparison.
     *
     * @return the sign of the stock comparison, or {@link #NOT_SINGLE_STRINGS} when a key is not one such string
     */
    static int compareSingleStrings(KeyValue a, KeyValue b) {
        if (a.size() != 1 || b.size() != 1 || !(a.get(0) instanceof String x) || !(b.get(0) instanceof String y)) {
            return NOT_SINGLE_STRINGS;
        }
        int lengthX = modifiedUtf8Length(x), lengthY = modifiedUtf8Length(y);
        if (lengthX < 0 || lengthY < 0) {
            return NOT_SINGLE_STRINGS;
        }
        if (lengthX != lengthY) {
            return lengthX < lengthY ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /** The string's length in modified UTF-8 (as {@code DataOutput.writeUTF}), or -1 if it holds U+0000 or is too long. */
    private static int modifiedUtf8Length(String s) {
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 ? 2 : 1;
            } else if (c == 0) {
                return -1;
            }
        }
        return bytes <= SHORT_STRING_MAX_BYTES ? bytes : -1;
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
