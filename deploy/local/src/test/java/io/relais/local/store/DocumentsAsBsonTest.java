package io.relais.local.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service stores through the MongoDB driver reads back the same, from memory and after a restart
 * (from the file), now that documents are kept as BSON; and they are in the file as BSON.
 */
class DocumentsAsBsonTest {

    private static final int CAPACITY = 5;

    @TempDir
    Path folder;

    @Test
    void aDocumentOfEveryKindReadsBackTheSameBeforeAndAfterARestart() {
        Path file = folder.resolve("relais.mv");
        Document stored = everyKind("urn:relais:post:1");
        using(file, posts -> {
            posts.insertOne(stored);
            assertThat(posts.find(Filters.eq("_id", stored.get("_id"))).first()).isEqualTo(stored);
        });

        using(file, posts -> {
            Document read = posts.find(Filters.eq("_id", stored.get("_id"))).first();
            assertThat(read).isEqualTo(stored);
            assertThat(new ArrayList<>(read.keySet())).containsExactlyElementsOf(stored.keySet());
            assertThat(read.get("count")).isInstanceOf(Integer.class);
            assertThat(read.get("views")).isInstanceOf(Long.class);
            assertThat(read.get("score")).isInstanceOf(Double.class);
        });
    }

    @Test
    void aTimelineBucketCappedByPushAndSliceKeepsTheNewestEntriesAcrossARestart() {
        Path file = folder.resolve("relais.mv");
        String bucket = "urn:relais:person:alice:2026-12-01";
        using(file, timelines -> {
            for (int i = 0; i < 12; i++) {
                timelines.updateOne(Filters.eq("_id", bucket),
                        Updates.pushEach("entries", List.of(new Document("id", "a" + i).append("ts", (long) i)),
                                new PushOptions().sortDocument(new Document("ts", -1)).slice(CAPACITY)),
                        new UpdateOptions().upsert(true));
            }
        });

        using(file, timelines -> {
            Document read = timelines.find(Filters.eq("_id", bucket)).first();
            assertThat(read).isNotNull();
            assertThat(read.getList("entries", Document.class)).extracting(e -> e.getString("id"))
                    .containsExactly("a11", "a10", "a9", "a8", "a7");
            assertThat(read.getList("entries", Document.class)).extracting(e -> e.get("ts")).allMatch(Long.class::isInstance);
        });
    }

    @Test
    void documentsAreWrittenToTheFileAsBson() {
        Path file = folder.resolve("relais.mv");
        using(file, posts -> {
            for (int i = 0; i < 50; i++) {
                posts.insertOne(everyKind("urn:relais:post:" + i));
            }
        });

        FirstBytes firstBytes = new FirstBytes();
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Object> data = store.openMap(LocalStoreBackend.DATA_MAP_PREFIX + "relais.posts",
                    new MVMap.Builder<>().valueType(firstBytes));
            assertThat(data.size()).isEqualTo(50);
            data.values().forEach(value -> assertThat(value).isNotNull());
        } finally {
            store.close();
        }
        assertThat(firstBytes.seen).hasSize(50).containsOnly(BsonDocumentType.BSON_MARKER);
    }

    private static Document everyKind(String id) {
        return new Document("_id", id)
                .append("title", "Réunion d'équipe 👋")
                .append("count", 3)
                .append("views", 4_000_000_000L)
                .append("score", 0.25)
                .append("pinned", true)
                .append("deletedAt", null)
                .append("publishedAt", new Date(1_764_547_200_123L))
                .append("authorRef", new ObjectId("656a0f1e9b1d8c2a4f000001"))
                .append("price", new Decimal128(new BigDecimal("19.99")))
                .append("avatar", new Binary(new byte[]{1, 2, 3, 0, -1}))
                .append("requestId", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes(UUID.fromString("7f1c1e52-3f4c-4c1e-9f52-6f8a51c4d001"))))
                .append("audience", new Document("kind", "community").append("id", "c1").append("members", List.of("a", "b")))
                .append("tags", List.of("launch", 2, List.of(new Document("nested", true)), new Document()));
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
    }

    /** Runs against the stack's server over {@link LocalStoreBackend} on the file, then stops it (which closes the file). */
    private static void using(Path file, Consumer<MongoCollection<Document>> work) {
        StoreServer server = new StoreServer(LocalStoreBackend.open(file));
        try {
            String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                work.accept(client.getDatabase("relais").getCollection("posts"));
            }
        } finally {
            server.close();
        }
    }

    /** Records the first byte of every value read, then reads it as the store does. */
    private static final class FirstBytes extends BasicDataType<Object> {
        private final BsonDocumentType store = new BsonDocumentType();
        private final List<Byte> seen = new ArrayList<>();

        @Override
        public Object read(ByteBuffer buff) {
            seen.add(buff.get(buff.position()));
            return store.read(buff);
        }

        @Override
        public void write(WriteBuffer buff, Object obj) {
            store.write(buff, obj);
        }

        @Override
        public int getMemory(Object obj) {
            return store.getMemory(obj);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }
}
