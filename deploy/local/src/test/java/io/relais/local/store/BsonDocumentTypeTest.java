package io.relais.local.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the stock value type could store comes back from {@link BsonDocumentType} as it went in:
 * same Java types (Integer stays Integer, Long stays Long), same key order, same nesting; and values the stock
 * type wrote are still read.
 */
class BsonDocumentTypeTest {

    @Property(tries = 1000)
    void everyDocumentReadsBackWithTheSameTypesKeyOrderAndNesting(@ForAll("documents") Document document) {
        BsonDocumentType type = new BsonDocumentType();
        ByteBuffer written = written(type, document);

        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON_MARKER);
        Object read = type.read(written);

        assertSame(read, document, "");
        assertThat(written.remaining()).as("bytes left after the value").isZero();
    }

    @Property(tries = 300)
    void aValueWrittenByTheStockTypeIsStillRead(@ForAll("documents") Document document) {
        ByteBuffer stock = written(new ObjectDataType(), document);

        Object read = new BsonDocumentType().read(stock);

        assertSame(read, document, "");
        assertThat(stock.remaining()).isZero();
    }

    @Property(tries = 20)
    void aPageOfDocumentsMixingBothFormatsSurvivesTheFile(@ForAll("pages") List<Document> documents) {
        Path folder = newFolder();
        try {
            writeHalfStockHalfOursThenReadBack(folder.resolve("values.mv"), documents);
        } finally {
            delete(folder);
        }
    }

    private static void writeHalfStockHalfOursThenReadBack(Path file, List<Document> documents) {
        int half = documents.size() / 2;
        // the first half written by the stock type, as an existing data folder holds them
        MVStore stock = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<Integer, Object> stockMap = stock.openMap("documents");
        for (int i = 0; i < half; i++) {
            stockMap.put(i, documents.get(i));
        }
        stock.close();

        MVStore ours = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<Integer, Object> map = ours.openMap("documents", new MVMap.Builder<Integer, Object>().valueType(new BsonDocumentType()));
        for (int i = half; i < documents.size(); i++) {
            map.put(i, documents.get(i));
        }
        ours.close();

        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<Integer, Object> read = reopened.openMap("documents", new MVMap.Builder<Integer, Object>().valueType(new BsonDocumentType()));
            assertThat(read.size()).isEqualTo(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                assertSame(read.get(i), documents.get(i), "[" + i + "]");
            }
        } finally {
            reopened.close();
        }
    }

    @Property(tries = 300)
    void theMemoryEstimateIsAtLeastTheBsonSizeAndAtMostAFewTimesIt(@ForAll("documents") Document document) {
        int bsonBytes = bsonLength(document);

        int estimate = new BsonDocumentType().getMemory(document);

        // every key/value pair and list element is a few Java objects (an entry, a key String, a boxed value) even when
        // BSON writes it in a handful of bytes (a MinKey is none): the upper bound grows with those, not with bytes alone
        assertThat(estimate).isBetween(bsonBytes, 16 * bsonBytes + 256 * (1 + elements(document)));
    }

    /** The key/value pairs and list elements of a value, all the way down. */
    private static int elements(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            return map.size() + map.values().stream().mapToInt(BsonDocumentTypeTest::elements).sum();
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.size() + list.stream().mapToInt(BsonDocumentTypeTest::elements).sum();
        }
        return 0;
    }

    @Property(tries = 50)
    void theMemoryEstimateGrowsWithTheDocument(@ForAll("documents") Document document) {
        BsonDocumentType type = new BsonDocumentType();
        int before = type.getMemory(document);

        Document bigger = new Document(document).append("zz-added", "x".repeat(1000));

        assertThat(type.getMemory(bigger)).isGreaterThan(before + 1000);
    }

    /** Writes one value with a type, then returns the written bytes ready to read. */
    private static ByteBuffer written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }

    private static int bsonLength(Document document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        return bson.readableBytes();
    }

    /** Same Java class, same keys in the same order, same values, all the way down. */
    private static void assertSame(Object actual, Object expected, String path) {
        if (expected == null) {
            assertThat(actual).as(path).isNull();
            return;
        }
        assertThat(actual).as(path).isNotNull();
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        if (expected instanceof Document doc) {
            Document got = (Document) actual;
            assertThat(new ArrayList<>(got.keySet())).as(path + " keys").containsExactlyElementsOf(doc.keySet());
            for (Map.Entry<String, Object> entry : doc.entrySet()) {
                assertSame(got.get(entry.getKey()), entry.getValue(), path + "." + entry.getKey());
            }
        } else if (expected instanceof List<?> list) {
            List<?> got = (List<?>) actual;
            assertThat(got).as(path).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSame(got.get(i), list.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof MinKey || expected instanceof MaxKey) {
            // singletons without equals, which Java deserialisation (the stock format) duplicates: the class says it
        } else if (expected instanceof BsonRegularExpression regex) {
            // the one value class without equals
            assertThat(((BsonRegularExpression) actual).toDocument()).as(path).isEqualTo(regex.toDocument());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("bson-values-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 1000)
    void encodesEveryDocumentToTheStockEncodersBytes(@ForAll("documents") Document document) {
        io.netty.buffer.ByteBuf stock = io.netty.buffer.Unpooled.buffer();
        io.netty.buffer.ByteBuf walked = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(document, stock);
        BsonDocumentType.encodeDocument(document, walked);

        assertThat(io.netty.buffer.ByteBufUtil.getBytes(walked)).isEqualTo(io.netty.buffer.ByteBufUtil.getBytes(stock));
    }

    @org.junit.jupiter.api.Test
    void anArrayLongerThanThePrecomputedElementNamesEncodesToTheStockEncodersBytes() {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < 1500; i++) entries.add(new Document("id", "urn:relais:post:" + i).append("n", i));
        Document bucket = new Document("_id", "urn:relais:person:alice:2026-12-01").append("entries", entries);
        io.netty.buffer.ByteBuf stock = io.netty.buffer.Unpooled.buffer();
        io.netty.buffer.ByteBuf walked = io.netty.buffer.Unpooled.buffer();
        de.bwaldvogel.mongo.wire.bson.BsonEncoder.encodeDocument(bucket, stock);
        BsonDocumentType.encodeDocument(bucket, walked);

        assertThat(io.netty.buffer.ByteBufUtil.getBytes(walked)).isEqualTo(io.netty.buffer.ByteBufUtil.getBytes(stock));
    }

    @Provide
    Arbitrary<List<Document>> pages() {
        return documents().list().ofMinSize(2).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Document> documents() {
        return document(3);
    }

    private static Arbitrary<Document> document(int depth) {
        Arbitrary<Object> value = depth == 0 ? scalars() : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalars()),
                net.jqwik.api.Tuple.of(1, document(depth - 1).map(d -> (Object) d)),
                net.jqwik.api.Tuple.of(1, array(depth - 1).map(l -> (Object) l)));
        return Arbitraries.maps(keys(), value).ofMaxSize(8)
                .map(entries -> {
                    // jqwik's maps are unordered: the order given to the Document is the order to keep
                    Document document = new Document();
                    entries.forEach(document::append);
                    return document;
                });
    }

    private static Arbitrary<List<Object>> array(int depth) {
        Arbitrary<Object> element = depth == 0 ? scalars() : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars()),
                net.jqwik.api.Tuple.of(1, document(depth - 1).map(d -> (Object) d)),
                net.jqwik.api.Tuple.of(1, array(depth - 1).map(l -> (Object) l)));
        return element.list().ofMaxSize(12).map(ArrayList::new);
    }

    /** Field names: no NUL (BSON's key terminator, refused by MongoDB too). */
    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("_id", "userId", "entries", "ts", "n", "relais"),
                Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMinLength(1).ofMaxLength(12));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(null),
                text().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, -0.0d, Double.NEGATIVE_INFINITY, Double.MIN_VALUE).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                // BSON dates are milliseconds since the epoch
                Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.bytes().array(byte[].class).ofSize(12).map(b -> (Object) new ObjectId(b)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> (Object) new BinData(b)),
                Arbitraries.longs().tuple2().map(t -> (Object) new UUID(t.get1(), t.get2())),
                Arbitraries.longs().tuple2().map(t -> (Object) new LegacyUUID(t.get1(), t.get2())),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e20"), new BigDecimal("1e20")).ofScale(4)
                        .map(d -> (Object) new Decimal128(d)),
                Arbitraries.of(Decimal128.NaN, Decimal128.NEGATIVE_ZERO, Decimal128.POSITIVE_INFINITY).map(d -> (Object) d),
                Arbitraries.longs().map(v -> (Object) new BsonTimestamp(v)),
                Arbitraries.of("^urn:relais:", "a.*b", "[0-9]+").map(p -> (Object) new BsonRegularExpression(p, "i")),
                Arbitraries.just(new BsonJavaScript("function() { return 1; }")),
                Arbitraries.of(MinKey.getInstance(), MaxKey.getInstance()).map(k -> (Object) k)));
    }

    /** Text as the wire delivers it: any Unicode (well-formed UTF-16), NUL included, sometimes long. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\uE000', '\uFFFD').ofMaxLength(40),
                Arbitraries.of("Bonjour 👋 l'équipe", "日本語のテキスト", "").map(s -> s),
                Arbitraries.strings().alpha().ofMinLength(500).ofMaxLength(3000));
    }
}
