package io.relais.local.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data folders of the local stack written by the stock H2 backend (before {@link LocalStoreBackend} existed)
 * must stay readable, searchable, updatable and consistent with it. The other way round (going back to the stock
 * backend) held while only index keys differed, and ends with documents written as BSON ({@link BsonDocumentType}):
 * the last test shows the stock value type refusing such a document.
 */
class StoreFileCompatibilityTest {

    private static final int WRITTEN_BY_STOCK = 1_500;
    private static final int DUPLICATE_KEY = 11000;

    @TempDir
    Path folder;

    private Path file;
    private List<Document> writtenByStock;

    @BeforeEach
    void aStoreFileWrittenByTheStockBackend() {
        file = folder.resolve("relais.mv");
        writtenByStock = people(0, WRITTEN_BY_STOCK);
        // no background writer: the stock key type's per-map state is not thread-safe, and its writer racing the
        // inserts' comparisons failed this setup once ("Can not compare"); closing the server commits the file
        using(new H2Backend(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()), people -> {
            people.createIndex(Indexes.ascending("login"), new IndexOptions().unique(true));
            people.createIndex(Indexes.ascending("tenant", "email"), new IndexOptions().unique(true));
            people.insertMany(writtenByStock);
        });
    }

    @Test
    void everyDocumentOfAStockFileIsFoundByIdAndByEachUniqueKey() {
        using(LocalStoreBackend.open(file), people -> assertEveryPersonFound(people, writtenByStock));
    }

    @Test
    void aStockFileStillRefusesDuplicateKeys() {
        Document someone = writtenByStock.get(WRITTEN_BY_STOCK / 3);
        using(LocalStoreBackend.open(file), people -> {
            assertRefusedAsDuplicate(() -> people.insertOne(person(90_000).append("_id", someone.get("_id"))));
            assertRefusedAsDuplicate(() -> people.insertOne(person(90_001).append("login", someone.get("login"))));
            assertRefusedAsDuplicate(() -> people.insertOne(person(90_002)
                    .append("tenant", someone.get("tenant")).append("email", someone.get("email"))));
            assertThat(people.countDocuments()).isEqualTo(WRITTEN_BY_STOCK);
        });
    }

    @Test
    void documentsAddedToAStockFileAreFoundWithTheStockOnesAfterARestart() {
        List<Document> added = people(WRITTEN_BY_STOCK, 500);
        using(LocalStoreBackend.open(file), people -> {
            people.insertMany(added);
            assertEveryPersonFound(people, added);
            assertEveryPersonFound(people, writtenByStock);
        });

        using(LocalStoreBackend.open(file), people -> {
            assertEveryPersonFound(people, writtenByStock);
            assertEveryPersonFound(people, added);
            assertRefusedAsDuplicate(() -> people.insertOne(person(90_003).append("login", added.get(0).get("login"))));
        });
    }

    @Test
    void stockDocumentsUpdatedHereAreReadBackUpdatedAfterARestart() {
        List<Document> updated = new ArrayList<>();
        using(LocalStoreBackend.open(file), people -> {
            for (Document person : writtenByStock.subList(0, 300)) {
                people.updateOne(Filters.eq("_id", person.get("_id")),
                        Updates.combine(Updates.set("displayName", "Renamed " + person.get("login")),
                                Updates.push("roles", "community-manager")));
                updated.add(new Document(person).append("displayName", "Renamed " + person.get("login"))
                        .append("roles", List.of("community-manager")));
            }
        });

        using(LocalStoreBackend.open(file), people -> {
            assertEveryPersonFound(people, updated);
            assertEveryPersonFound(people, writtenByStock.subList(300, WRITTEN_BY_STOCK));
        });
    }

    /**
     * The upgrade is one-way: the stock value type does not know the BSON marker, so the stock backend fails on
     * a document written here (it does not read garbage). Going back means exporting and re-importing the data.
     */
    @Test
    void theStockValueTypeRefusesADocumentWrittenHere() {
        Document added = person(WRITTEN_BY_STOCK);
        using(LocalStoreBackend.open(file), people -> people.insertOne(added));

        MVStore stock = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Object> data = stock.openMap(LocalStoreBackend.DATA_MAP_PREFIX + "relais.people");
            assertThatThrownBy(() -> data.get(added.get("_id"))).isInstanceOf(MVStoreException.class);
        } finally {
            stock.close();
        }
    }

    @Test
    void indexEntriesIterateInTheStockOrderFromTheStartAndFromAnyKey() {
        List<String> indexMaps = indexMapNames(file);
        assertThat(indexMaps).hasSize(3);
        for (String name : indexMaps) {
            List<Object> stockOrder;
            List<Object> stockFromMiddle;
            MVStore stock = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            try {
                MVMap<Object, Object> map = stock.openMap(name);
                stockOrder = new ArrayList<>(map.keySet());
                stockFromMiddle = rest(map.keyIterator(stockOrder.get(stockOrder.size() / 2)));
            } finally {
                stock.close();
            }

            MVStore ours = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            try {
                MVMap<Object, Object> map = ours.openMap(name, new MVMap.Builder<>().keyType(new IndexKeyOrder()));
                assertThat(new ArrayList<>(map.keySet())).as(name).isEqualTo(stockOrder);
                assertThat(rest(map.keyIterator(stockOrder.get(stockOrder.size() / 2)))).as(name).isEqualTo(stockFromMiddle);
                assertThat(stockOrder).as(name).allSatisfy(key -> assertThat(map.containsKey(key)).isTrue());
            } finally {
                ours.close();
            }
        }
    }

    @Test
    void everyUniqueIndexIsOpenedWithTheCheaperKeyOrderTheDataWithBsonValuesAndNoOtherMapAppears() {
        List<String> mapNames = mapNames(file);
        Set<String> stockIndexMaps = everyIndexMap(mapNames);
        LocalStoreBackend backend = LocalStoreBackend.open(file);
        using(backend, people -> {
            people.find(Filters.eq("login", "p00001")).first();
            MVStore store = backend.getMvStore();
            assertThat(everyIndexMap(store.getMapNames())).isEqualTo(stockIndexMaps);
            assertThat(indexMapNames(store.getMapNames())).hasSize(3)
                    .allSatisfy(name -> assertThat(store.openMap(name).getKeyType()).isInstanceOf(IndexKeyOrder.class));
            assertThat(store.openMap(LocalStoreBackend.DATA_MAP_PREFIX + "relais.people").getValueType())
                    .isInstanceOf(BsonDocumentType.class);
            assertThat(store.getMapNames()).containsExactlyInAnyOrderElementsOf(mapNames);
        });
    }

    /** People whose _ids mix the kinds a store sees: strings, ObjectIds, numbers, documents. */
    private static List<Document> people(int from, int count) {
        List<Document> people = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            people.add(person(i));
        }
        return people;
    }

    private static Document person(int i) {
        Object id = switch (i % 4) {
            case 0 -> String.format("urn:relais:person:p%05d", i);
            case 1 -> new ObjectId(String.format("%024x", i));
            case 2 -> (long) i * 1_000_003L;
            default -> new Document("source", "crm").append("n", i);
        };
        return new Document("_id", id)
                .append("login", String.format("p%05d", i))
                .append("tenant", "t" + i % 7)
                .append("email", "person" + i + "@example.org")
                .append("displayName", "Person " + i);
    }

    private static void assertEveryPersonFound(MongoCollection<Document> people, List<Document> expected) {
        for (Document person : expected) {
            assertThat(people.find(Filters.eq("_id", person.get("_id"))).first()).isEqualTo(person);
            assertThat(people.find(Filters.eq("login", person.get("login"))).first()).isEqualTo(person);
            assertThat(people.find(Filters.and(Filters.eq("tenant", person.get("tenant")),
                    Filters.eq("email", person.get("email")))).first()).isEqualTo(person);
        }
    }

    private static void assertRefusedAsDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCode()).isEqualTo(DUPLICATE_KEY));
    }

    /** Runs against a server on a free port over the backend, then shuts both down (which closes the file). */
    private static void using(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try {
            String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
            try (MongoClient client = MongoClients.create(uri)) {
                work.accept(client.getDatabase("relais").getCollection("people"));
            }
        } finally {
            server.shutdown();
        }
    }

    private static List<String> mapNames(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }

    private static List<String> indexMapNames(Path file) {
        return indexMapNames(mapNames(file));
    }

    private static List<String> indexMapNames(Iterable<String> names) {
        List<String> indexMaps = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("relais.people" + LocalStoreBackend.INDEX_MAP_INFIX)) indexMaps.add(name);
        }
        return indexMaps;
    }

    private static Set<String> everyIndexMap(Iterable<String> names) {
        Set<String> indexMaps = new TreeSet<>();
        for (String name : names) {
            if (name.contains(LocalStoreBackend.INDEX_MAP_INFIX)) indexMaps.add(name);
        }
        return indexMaps;
    }

    private static List<Object> rest(Iterator<Object> keys) {
        List<Object> rest = new ArrayList<>();
        keys.forEachRemaining(rest::add);
        return rest;
    }
}
