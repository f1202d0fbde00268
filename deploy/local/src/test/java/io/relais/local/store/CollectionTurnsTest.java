package io.relais.local.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A collection's commands take turns in arrival order ({@link KeyedCollection}): a keyed read that arrives while a
 * bulk write is inside one of its statements is answered before that bulk's next statement. The stock collection's
 * monitor let the writer, already running, take it again first, so under the fan-out a home read waited for whole
 * bulks of other connections (issue 18).
 */
class CollectionTurnsTest {

    @TempDir
    Path folder;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void aReadArrivingDuringAStatementIsAnsweredBeforeTheBulksNextStatement() throws Exception {
        LocalStoreBackend backend = LocalStoreBackend.open(folder.resolve("store.mv"));
        StoreServer server = new StoreServer(backend, 1, 2);
        open.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        open.add(client);
        client.getDatabase("relais").getCollection("timelines").insertOne(new org.bson.Document("_id", "bucket-1").append("n", 0));
        MongoCollection<?> timelines = backend.resolveDatabase("relais").resolveCollection("timelines", true);

        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Oplog holdingFirstStatement = holding(inside, release);
        // a bulk write as the driver sends it: statement after statement on one collection, no pause in between;
        // the first is held inside the collection until the read below is waiting for its turn
        CompletableFuture<Void> bulk = CompletableFuture.runAsync(() -> {
            timelines.updateDocuments(new Document("_id", "bucket-1"), new Document("$inc", new Document("n", 1)),
                    ArrayFilters.empty(), false, false, holdingFirstStatement);
            timelines.updateDocuments(new Document("_id", "bucket-2"), new Document("$set", new Document("n", 1)),
                    ArrayFilters.empty(), false, true, NoopOplog.get());
        });
        assertThat(inside.await(30, TimeUnit.SECONDS)).as("the bulk's first statement is running").isTrue();

        List<String> found = new ArrayList<>();
        Thread reader = new Thread(() -> timelines.handleQuery(new QueryParameters(
                        new Document("_id", new Document("$in", List.of("bucket-1", "bucket-2"))), 0, 0))
                .forEach(d -> found.add((String) d.get("_id"))), "reader");
        reader.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.getState() == Thread.State.WAITING || reader.getState() == Thread.State.BLOCKED);

        release.countDown();
        reader.join(30_000);
        bulk.get(30, TimeUnit.SECONDS);

        assertThat(found).as("the read was answered between the bulk's two statements").containsExactly("bucket-1");
        assertThat(client.getDatabase("relais").getCollection("timelines").countDocuments()).isEqualTo(2);
    }

    /** An oplog whose first update waits, inside the collection, until {@code release}. */
    private static Oplog holding(CountDownLatch inside, CountDownLatch release) {
        return (Oplog) Proxy.newProxyInstance(Oplog.class.getClassLoader(), new Class<?>[] {Oplog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("handleUpdate") && inside.getCount() > 0) {
                        inside.countDown();
                        release.await(60, TimeUnit.SECONDS);
                    }
                    return null;
                });
    }
}
