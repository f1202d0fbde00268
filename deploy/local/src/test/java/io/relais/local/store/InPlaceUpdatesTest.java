package io.relais.local.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates by key write into the stored document ({@link KeyedCollection}), which other connections' replies and the
 * store's background writer may be encoding at that moment, outside the collection's turn: an update that adds or
 * removes a field must not change the stored document's set of fields under them (a reply failed with a
 * ConcurrentModificationException), so it stores its new version instead.
 */
class InPlaceUpdatesTest {

    @TempDir
    Path folder;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void readsOfADocumentWhoseFieldsComeAndGoNeverFail() {
        LocalStoreBackend backend = LocalStoreBackend.open(folder.resolve("store.mv"));
        StoreServer server = new StoreServer(backend, 2, 4);
        open.add(server);
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        // the reader does not retry: a reply the server failed to encode would otherwise be asked again, unseen
        MongoClient writerClient = MongoClients.create(uri), readerClient = MongoClients.create(uri + "/?retryReads=false");
        open.add(writerClient);
        open.add(readerClient);
        Document content = new Document("_id", "urn:relais:post:1");
        for (int i = 0; i < 200; i++) content.append("f" + i, "value " + i);
        writerClient.getDatabase("relais").getCollection("feed_content").insertOne(content);
        MongoCollection<Document> written = writerClient.getDatabase("relais").getCollection("feed_content");
        MongoCollection<Document> read = readerClient.getDatabase("relais").getCollection("feed_content");

        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int updates = 0;
            while (writing.get()) {
                // a field added, then taken away: the document's fields change at every update
                written.updateOne(Filters.eq("_id", "urn:relais:post:1"), Updates.set("b.timeline", true));
                written.updateOne(Filters.eq("_id", "urn:relais:post:1"), Updates.unset("b"));
                updates += 2;
            }
            return updates;
        });
        List<RuntimeException> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 3_000 && failures.isEmpty(); i++) {
                try {
                    Document d = read.find(Filters.eq("_id", "urn:relais:post:1")).first();
                    assertThat(d).isNotNull();
                    assertThat(d.getString("f199")).isEqualTo("value 199");
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        } finally {
            writing.set(false);
        }
        assertThat(writer.join()).isPositive();
        assertThat(failures).isEmpty();
    }
}
