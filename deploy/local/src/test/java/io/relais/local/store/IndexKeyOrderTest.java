package io.relais.local.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index key order must be H2's stock order on every pair of keys, or the B-trees of existing data
 * files would be searched in the wrong direction.
 */
class IndexKeyOrderTest {

    @Property(tries = 3000)
    void ordersEveryPairOfKeysAsTheStockKeyTypeDoes(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        int stock = Integer.signum(new ObjectDataType().compare(a, b));
        IndexKeyOrder order = new IndexKeyOrder();

        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(stock);
        // asked again, now from the remembered bytes, and the other way round
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(stock);
        assertThat(Integer.signum(order.compare(b, a))).isEqualTo(-stock);
    }

    @Property(tries = 5000)
    void ordersKeysOfOneStringAsTheStockKeyTypeDoes(@ForAll("oneString") KeyValue a, @ForAll("oneString") KeyValue b) {
        int stock = Integer.signum(new ObjectDataType().compare(a, b));

        assertThat(Integer.signum(new IndexKeyOrder().compare(a, b))).isEqualTo(stock);
        assertThat(Integer.signum(new IndexKeyOrder().compare(b, a))).isEqualTo(-stock);
    }

    @Example
    void aStringTooLongForATwoByteLengthIsOrderedByTheStockComparison() {
        KeyValue longest = new KeyValue("é".repeat(40_000)); // 80,000 bytes: written as a long string
        KeyValue shorter = new KeyValue("z".repeat(60_000));

        assertThat(IndexKeyOrder.compareSingleStrings(longest, shorter)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Integer.signum(new IndexKeyOrder().compare(longest, shorter)))
                .isEqualTo(Integer.signum(new ObjectDataType().compare(longest, shorter)));
    }

    @Provide
    Arbitrary<KeyValue> oneString() {
        // ids as the stack writes them (IRIs, mostly ASCII, often sharing long prefixes), and any UTF-16 text
        // (accents, CJK, lone and paired surrogates, U+0000) of lengths that make equal encoded lengths frequent
        Arbitrary<String> iris = Arbitraries.strings().withChars("urn:relais:post/0123456789abcdef-").ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> anyText = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(6);
        Arbitrary<String> mixedWidths = Arbitraries.strings().withChars("aé€\ud83d\ude00\u0000\u07ff\u0800\ud7ff\ue000").ofMaxLength(5);
        return Arbitraries.oneOf(iris, anyText, mixedWidths).map(KeyValue::new);
    }

    @Property(tries = 500)
    void aCopyOfAKeyComparesEqualToIt(@ForAll("keys") KeyValue key) {
        KeyValue copy = new KeyValue(key.stream().toList());

        assertThat(new IndexKeyOrder().compare(key, copy)).isZero();
    }

    @Property(tries = 1000)
    void keysReadBackFromTheFileFormatKeepTheStockOrder(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        IndexKeyOrder order = new IndexKeyOrder();
        Object readA = roundTrip(order, a);
        Object readB = roundTrip(order, b);

        assertThat(Integer.signum(order.compare(readA, readB)))
                .isEqualTo(Integer.signum(new ObjectDataType().compare(readA, readB)));
    }

    @Property(tries = 500)
    void writesTheSameBytesAsTheStockKeyType(@ForAll("keys") KeyValue key) {
        assertThat(written(new IndexKeyOrder(), key)).isEqualTo(written(new ObjectDataType(), key));
    }

    @Property(tries = 500)
    void writesTheStockBytesFromWhatItRemembersOfAKey(@ForAll("keys") KeyValue key, @ForAll("keys") KeyValue other) {
        IndexKeyOrder order = new IndexKeyOrder();
        order.compare(other, key); // remembers the page key's bytes, as a B-tree search does
        byte[] stock = written(new ObjectDataType(), key);

        assertThat(written(order, key)).isEqualTo(stock);
        assertThat(written(order, key)).isEqualTo(stock); // written again, as a page is on its next save
        assertThat(new ObjectDataType().read(ByteBuffer.wrap(written(order, key)))).isEqualTo(key);
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = values();
        Arbitrary<KeyValue> distinctValues = value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
        // one value instance twice: Java serialisation writes a back-reference the second time
        Arbitrary<KeyValue> sharedValue = value.map(v -> new KeyValue(v, v));
        return Arbitraries.frequencyOf(
                Tuple.of(9, distinctValues),
                Tuple.of(1, sharedValue));
    }

    private static Arbitrary<Object> values() {
        // a small alphabet, so that keys often share long prefixes (the interesting comparisons)
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab:é\u0000").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(8));
        Arbitrary<ObjectId> objectIds = Arbitraries.bytes().array(byte[].class).ofSize(12).map(ObjectId::new);
        Arbitrary<Document> documents = Combinators.combine(
                Arbitraries.strings().withChars("xyz").ofMinLength(1).ofMaxLength(2).list().ofMaxSize(3),
                Arbitraries.oneOf(strings.map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i))
                        .list().ofSize(3))
                .as(IndexKeyOrderTest::document);
        return Arbitraries.oneOf(
                strings.map(s -> (Object) s),
                objectIds.map(o -> (Object) o),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                documents.map(d -> (Object) d),
                Arbitraries.just(null));
    }

    private static Document document(List<String> names, List<Object> values) {
        Document document = new Document();
        for (int i = 0; i < names.size(); i++) {
            document.put(names.get(i), values.get(i));
        }
        return document;
    }

    private static Object roundTrip(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        return type.read(buffer.getBuffer().flip());
    }

    private static byte[] written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer bytes = buffer.getBuffer().flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }
}
