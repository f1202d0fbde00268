package io.relais.local.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key look-ups answered by an index skip the second match ({@link KeyedCollection}): the store must still answer
 * exactly what the stock server answers, for look-ups an index answers and for those it does not (a scan).
 */
class KeyedCollectionTest {

    @TempDir
    Path folder;

    private LocalAndStockStores stores;
    private MongoCollection<Document> local;
    private MongoCollection<Document> stock;

    @BeforeEach
    void twoStores() {
        stores = new LocalAndStockStores(folder);
        local = stores.local.getCollection("posts");
        stock = stores.stock.getCollection("posts");
        for (MongoCollection<Document> c : List.of(local, stock)) {
            c.createIndex(Indexes.ascending("owner", "day"), new IndexOptions().unique(true));
            for (int i = 0; i < 40; i++) {
                c.insertOne(new Document("_id", "urn:relais:post:" + i).append("author", "person-" + (i % 4))
                        .append("owner", "owner-" + (i % 8)).append("day", "2026-12-0" + (i / 8)).append("n", i));
            }
        }
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aLookUpByIdsFindsExactlyTheListedDocuments() {
        List<Document> found = local.find(Filters.in("_id", "urn:relais:post:3", "urn:relais:post:17", "urn:relais:post:99"))
                .into(new ArrayList<>());

        assertThat(found).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("urn:relais:post:3", "urn:relais:post:17");
    }

    @Test
    void aLookUpShapedFilterOnAFieldNoIndexHoldsIsStillMatched() {
        List<Document> found = local.find(Filters.eq("author", "person-1")).into(new ArrayList<>());

        assertThat(found).hasSize(10).allSatisfy(d -> assertThat(d.getString("author")).isEqualTo("person-1"));
    }

    @Test
    void anUpdateByKeyChangesOnlyTheListedDocuments() {
        local.updateMany(Filters.in("_id", "urn:relais:post:1", "urn:relais:post:2"), Updates.set("seen", true));

        assertThat(local.countDocuments(Filters.eq("seen", true))).isEqualTo(2);
        assertThat(local.find(Filters.eq("_id", "urn:relais:post:2")).first()).containsEntry("seen", true);
    }

    @Test
    void answersEveryKeyShapedFilterAsTheStockServerDoes() {
        Random random = new Random(18);
        for (int i = 0; i < 300; i++) {
            Bson filter = randomFilter(random);
            assertThat(ids(local, filter)).as("%s", filter).isEqualTo(ids(stock, filter));
        }
    }

    @Test
    void reportsTheDataSizeTheStockServerReportsAfterInsertsUpdatesAndDeletes() {
        for (MongoCollection<Document> c : List.of(local, stock)) {
            c.updateOne(Filters.eq("_id", "urn:relais:post:5"), Updates.pushEach("e", List.of("a", "bb", "ccc")));
            c.updateOne(Filters.eq("_id", "urn:relais:post:6"), Updates.set("title", "x".repeat(500)));
            c.deleteOne(Filters.eq("_id", "urn:relais:post:7"));
        }

        assertThat(size(local)).isEqualTo(size(stock)).isGreaterThan(40 * 100);
    }

    private int size(MongoCollection<Document> c) {
        return ((Number) (c == local ? stores.local : stores.stock).runCommand(new Document("collStats", "posts")).get("size")).intValue();
    }

    @Test
    void onlyEqualitiesAndInListsOfStringsOrIdsAreKeyLookups() {
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document("_id", "a"))).isTrue();
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).isTrue();
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document("_id", 3))).isFalse();
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", "a")))).isFalse();
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document("entries.id", "a"))).isFalse();
        assertThat(KeyedCollection.isKeyLookup(new de.bwaldvogel.mongo.bson.Document())).isFalse();
    }

    private static Bson randomFilter(Random random) {
        String id = "urn:relais:post:" + random.nextInt(50);
        return switch (random.nextInt(7)) {
            case 0 -> Filters.eq("_id", id);
            case 1 -> Filters.in("_id", id, "urn:relais:post:" + random.nextInt(50), "urn:relais:post:" + random.nextInt(50));
            case 2 -> Filters.and(Filters.eq("owner", "owner-" + random.nextInt(9)), Filters.eq("day", "2026-12-0" + random.nextInt(6)));
            case 3 -> Filters.eq("author", "person-" + random.nextInt(5));
            case 4 -> Filters.in("author", "person-" + random.nextInt(5), "person-" + random.nextInt(5));
            case 5 -> Filters.and(Filters.eq("_id", id), Filters.eq("author", "person-" + random.nextInt(4)));
            default -> Filters.eq("owner", "owner-" + random.nextInt(9));
        };
    }

    private static List<String> ids(MongoCollection<Document> c, Bson filter) {
        List<String> ids = new ArrayList<>();
        c.find(filter).forEach(d -> ids.add(d.getString("_id")));
        ids.sort(null);
        return ids;
    }
}
