package io.relais.local.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of every collection's data map (document {@code _id} → document): writes a
 * mongo-java-server {@link Document} as one marker byte ({@value #BSON_MARKER_HEX}) followed by the document's
 * BSON, encoded and decoded by mongo-java-server's own wire codec ({@link BsonEncoder}, {@link BsonDecoder}),
 * instead of H2's {@link ObjectDataType}, which Java-serialises the whole document tree.
 *
 * <p>Why: MVStore is copy-on-write, so changing one document rewrites its whole leaf page, and reading a page
 * back from the file decodes every document on it. Profiles of the store under the stack's connector ingest
 * showed 35% of its CPU on H2's page-writing thread Java-serialising documents, and 13% Java-deserialising
 * pages read back.
 *
 * <p>Format and compatibility: {@code ObjectDataType} starts every value with a type tag between 0 and 119
 * (its {@code TYPE_*} and {@code TAG_*} constants; a document is tag 19, a Java-serialised object), so a value
 * whose first byte is the marker (0xC2, negative as a Java byte) is one of ours and anything else is read by
 * {@code ObjectDataType}: files written by the stock backend open and read here. Writes are always BSON, except
 * a value that is not a document or that BSON cannot hold (mongo-java-server's internal {@code Missing}, for
 * instance, or a document over BSON's 16 MiB), which is written by {@code ObjectDataType} as before. The upgrade is one-way: the stock backend
 * cannot read the marker and fails on the first page holding a document written here.
 *
 * <p>Round trip: what a document holds comes from mongo-java-server's wire decoder or its update operators, so
 * it is made of the types that codec writes and reads back as themselves: {@link Document} (key order kept),
 * {@link java.util.List}, {@code null}, {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.Instant} (milliseconds, as BSON dates), ObjectId, {@link BinData}, UUIDs
 * (standard and legacy), Decimal128, timestamps, regular expressions, JavaScript, MinKey and MaxKey. Two
 * normalisations are those the server applies to every document it sends anyway: any other {@link Map} is read
 * back as a {@code Document} and any other {@link Collection} as a {@code List}.
 *
 * <p>Memory: {@link #getMemory} estimates the heap a decoded document takes (MVStore sizes its page cache and
 * splits pages by this estimate) by walking the document, without encoding it. For a timeline bucket of 100
 * entries (9.4 KB of BSON) it says 64.6 KB where 2,000 decoded copies measured 65.9 KB each; the stock type said
 * 25.4 KB (twice the Java-serialised length), so the same page cache size now holds about 2.5 times fewer such
 * documents, and bounds the heap they really take.
 *
 * <p>One instance per map, as {@code ObjectDataType} keeps per-map state for the values it still writes.
 */
public final class BsonDocumentType extends ObjectDataType {

    /** First byte of a value written by this type; {@code ObjectDataType} never writes it first. */
    static final byte BSON_MARKER = (byte) 0xC2;

    private static final String BSON_MARKER_HEX = "0xC2";

    /** Largest document BSON carries (MongoDB's limit, which mongo-java-server's decoder enforces), in bytes. */
    private static final int MAX_BSON_BYTES = 16 * 1024 * 1024;

    /**
     * Each page-writing thread's encoding buffer, reused from one document to the next (a page holds many; a new
     * buffer per document grew by copies for every bucket of a hundred entries).
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(64 * 1024));

    /**
     * The names of an array's first elements ("0", "1"…), encoded once: a timeline bucket is an array of up to a
     * hundred entries, each of whose names was formatted and encoded anew (two allocations) every time its page
     * was written.
     */
    private static final byte[][] INDEX_NAMES = new byte[1024][];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) INDEX_NAMES[i] = indexName(i);
    }

    /** A buffer grown beyond this (in bytes) by a large document is dropped after use rather than kept. */
    private static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    /** Estimated heap of objects whose size this walk does not model (timestamps, patterns, keys…), in bytes. */
    private static final int OTHER_OBJECT = 32;

    /**
     * Writes a document as the marker and its BSON; anything else as {@code ObjectDataType} does.
     *
     * @param buff the page being written
     * @param obj  the value: a {@link Document} of a collection, or any other value H2's type can write
     */
    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf bson = ENCODING.get().clear();
            try {
                encodeDocument(document, bson);
                if (bson.readableBytes() > MAX_BSON_BYTES) {
                    super.write(buff, obj);
                    return;
                }
                buff.put(BSON_MARKER);
                buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
            } catch (IllegalArgumentException notBson) {
                super.write(buff, obj);
            } finally {
                if (bson.capacity() > KEPT_BUFFER_BYTES) ENCODING.remove(); // a huge document's buffer is not kept
            }
            return;
        }
        super.write(buff, obj);
    }

    /**
     * The bytes of {@link BsonEncoder#encodeDocument}, written by walking each document's entries and each array's
     * elements directly: the stock encoder looks every key up again ({@code document.get(key)}) and copies every
     * array into a new document keyed "0", "1"…, which made those look-ups 9% of the store's CPU samples under
     * ingest (a timeline bucket is an array of up to a hundred entries, rewritten whole on each change). Scalars are
     * the stock encoder's own code.
     *
     * @throws IllegalArgumentException for a value BSON cannot hold (as the stock encoder)
     */
    static void encodeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0); // the length, set below
        for (Map.Entry<String, ?> field : document.entrySet()) {
            encodeElement(field.getKey(), field.getValue(), out);
        }
        close(start, out);
    }

    private static void encodeArray(Collection<?> elements, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        int index = 0;
        for (Object element : elements) {
            encodeElement(index < INDEX_NAMES.length ? INDEX_NAMES[index] : indexName(index), element, out);
            index++;
        }
        close(start, out);
    }

    /** An array element's name, the decimal digits of its index, as BSON writes it (without the trailing zero). */
    private static byte[] indexName(int index) {
        return Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
    }

    private static void encodeElement(String name, Object value, ByteBuf out) {
        // as the stock encoder, malformed text included
        encodeElement(name.getBytes(StandardCharsets.UTF_8), value, out);
    }

    private static void encodeElement(byte[] name, Object value, ByteBuf out) {
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        out.writeBytes(name);
        out.writeByte(0);
        if (type == BsonConstants.TYPE_EMBEDDED_DOCUMENT) {
            @SuppressWarnings("unchecked")
            Map<String, ?> embedded = (Map<String, ?>) value;
            encodeDocument(embedded, out);
        } else if (type == BsonConstants.TYPE_ARRAY) {
            encodeArray((Collection<?>) value, out);
        } else {
            BsonEncoder.encodeValue(type, value, out);
        }
    }

    private static void close(int start, ByteBuf out) {
        out.writeByte(0); // the document's terminating byte
        out.setIntLE(start, out.writerIndex() - start);
    }

    /**
     * Reads a value at the buffer's position: a document written by {@link #write}, or any value
     * {@code ObjectDataType} wrote (the stock backend's format).
     *
     * @param buff the page being read, positioned at the value; left positioned after it
     * @return the value
     * @throws IllegalArgumentException if BSON after the marker is malformed
     */
    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_MARKER) {
            return super.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        return document;
    }

    /**
     * Estimates the heap a value takes once read: a walk over a document's keys and values (object headers,
     * map entries, string characters, boxed numbers) for documents, {@code ObjectDataType}'s estimate for
     * anything else.
     *
     * @return the estimate, in bytes
     */
    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document document) {
            long estimate = heap(document);
            return (int) Math.min(estimate, Integer.MAX_VALUE);
        }
        return super.getMemory(obj);
    }

    /** Compact-string, compressed-oops sizes of a 64-bit JVM, rounded; precise enough for a cache's budget. */
    private static long heap(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return 16;
        }
        if (value instanceof Long || value instanceof Double || value instanceof java.time.Instant) {
            return 24;
        }
        if (value instanceof Map<?, ?> map) {
            // the Document, its LinkedHashMap and table, and one linked entry (with its table slot) per key
            long size = 16 + 56 + 16 + 8L * map.size();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + heap(entry.getKey()) + heap(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            long size = 24 + 16 + 4L * list.size();
            for (Object element : list) {
                size += heap(element);
            }
            return size;
        }
        if (value instanceof BinData binary) {
            return 16 + 16 + binary.getData().length;
        }
        return OTHER_OBJECT;
    }
}
