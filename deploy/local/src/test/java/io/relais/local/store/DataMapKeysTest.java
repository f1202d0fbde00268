package io.relais.local.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data map's keys compared by commands while MVStore's background writer serialises a page of them: with {@code _id}
 * values of several kinds, the stock key type's per-map state made comparisons fail ("Can not compare");
 * {@link DataMapKeys} keeps the stock order and format.
 */
class DataMapKeysTest {

    private static final Object[] MIXED_IDS = {"urn:relais:person:p00001", new ObjectId("000000000000000000000001"), 12_345L,
            new Document("source", "crm").append("n", 3), "urn:relais:person:p00002", new ObjectId("000000000000000000000002"), 7L};

    @Test
    void keysOfSeveralKindsAreComparedWhileAnotherThreadWritesThem() throws InterruptedException {
        DataMapKeys keys = new DataMapKeys();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            WriteBuffer page = new WriteBuffer();
            started.countDown();
            for (int i = 0; writing.get(); i++) {
                page.clear();
                keys.write(page, MIXED_IDS[i % MIXED_IDS.length]);
                keys.getMemory(MIXED_IDS[(i + 1) % MIXED_IDS.length]);
            }
        });
        List<RuntimeException> failures = new ArrayList<>();
        try {
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            // the stock type failed within a second (about a million comparisons) on a 2-core machine
            for (int round = 0; round < 1_500_000 && failures.isEmpty(); round++) {
                Object a = MIXED_IDS[round % MIXED_IDS.length];
                try {
                    keys.compare(a, MIXED_IDS[(round + 3) % MIXED_IDS.length]);
                    keys.compare(a, MIXED_IDS[(round + 2) % MIXED_IDS.length]);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void keysKeepTheStockOrderAndFormat() {
        ObjectDataType stock = new ObjectDataType();
        DataMapKeys keys = new DataMapKeys();
        for (Object a : MIXED_IDS) {
            for (Object b : MIXED_IDS) {
                assertThat(Integer.signum(keys.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(stock.compare(a, b)));
            }
            WriteBuffer mine = new WriteBuffer(), theirs = new WriteBuffer();
            keys.write(mine, a);
            stock.write(theirs, a);
            assertThat(mine.getBuffer().flip()).isEqualTo(theirs.getBuffer().flip());
            assertThat(stock.read(mine.getBuffer())).isEqualTo(a);
        }
    }
}
