package io.relais.local.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The local store's wire server answers one connection while another connection's command is still running — the
 * library's server ran both on the socket's event loop when they shared one, so a keyed read waited for a bulk write.
 * The "slow" command here is an insert into the collection {@code held}, held inside the backend until the test
 * lets it go; the server has ONE event loop, so every connection shares it.
 */
class StoreServerTest {

    @TempDir
    Path folder;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        release.countDown();
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void aKeyedReadIsAnsweredWhileAnotherConnectionsCommandRuns() throws Exception {
        InetSocketAddress address = serve(new StoreServer(holdingInsertsIntoHeld(LocalStoreBackend.open(folder.resolve("store.mv"))), 1, 4));
        MongoCollection<Document> reader = collection(address, "posts");
        reader.insertOne(new Document("_id", "post-1").append("title", "Q4 deal won"));

        MongoCollection<Document> writer = collection(address, "held");
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> writer.insertOne(new Document("_id", "x")));
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the held insert reached the backend").isTrue();

        Document read = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> reader.find(Filters.eq("_id", "post-1")).first(),
                "a keyed read on another connection waited for the held command");
        assertThat(read.getString("title")).isEqualTo("Q4 deal won");
        assertThat(held).isNotDone();

        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        assertThat(writer.countDocuments()).isEqualTo(1);
    }

    @Test
    void oneConnectionsCommandsAreAnsweredInTheOrderSent() throws Exception {
        InetSocketAddress address = serve(new StoreServer(LocalStoreBackend.open(folder.resolve("store.mv")), 1, 2));
        MongoCollection<Document> posts = collection(address, "posts");
        for (int i = 0; i < 200; i++) {
            posts.updateOne(Filters.eq("_id", "counter"), new Document("$inc", new Document("n", 1)),
                    new UpdateOptions().upsert(true));
            assertThat(posts.find(Filters.eq("_id", "counter")).first().getInteger("n")).isEqualTo(i + 1);
        }
    }

    @Test
    void closingTheServerClosesItsFileSoItCanBeOpenedAgain() throws Exception {
        Path file = folder.resolve("store.mv");
        StoreServer first = new StoreServer(LocalStoreBackend.open(file), 1, 2);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + first.bind().getPort())) {
            client.getDatabase("relais").getCollection("posts").insertOne(new Document("_id", "kept"));
        }
        first.close();

        InetSocketAddress again = serve(new StoreServer(LocalStoreBackend.open(file), 1, 2));
        assertThat(collection(again, "posts").find(Filters.eq("_id", "kept")).first()).isNotNull();
    }

    private InetSocketAddress serve(StoreServer server) {
        open.add(server);
        return server.bind();
    }

    /** A client of its own (one connection), so each collection's commands travel on a different socket. */
    private MongoCollection<Document> collection(InetSocketAddress address, String name) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToConnectionPoolSettings(p -> p.maxSize(1))
                .build());
        open.add(client);
        return client.getDatabase("relais").getCollection(name);
    }

    /** The backend, but an insert into {@code held} waits inside it until {@link #release}. */
    private MongoBackend holdingInsertsIntoHeld(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("handleMessage")
                            && "held".equals(((MongoMessage) args[0]).getDocument().get("insert"))) {
                        entered.countDown();
                        release.await(60, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
