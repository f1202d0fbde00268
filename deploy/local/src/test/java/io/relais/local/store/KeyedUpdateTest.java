package io.relais.local.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.backend.Missing;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates by key take {@link KeyedCollection}'s path without copies: the store must leave exactly the documents the
 * stock server leaves, and answer the same matched and modified counts and the same unique-key errors, for the
 * update operators the stack uses and the number types a "no change" hides behind.
 */
class KeyedUpdateTest {

    private static final JsonWriterSettings EXACT_JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @TempDir
    Path folder;

    private LocalAndStockStores stores;
    private MongoCollection<Document> local;
    private MongoCollection<Document> stock;

    @BeforeEach
    void twoStores() {
        stores = new LocalAndStockStores(folder);
        local = stores.local.getCollection("buckets");
        stock = stores.stock.getCollection("buckets");
        for (MongoCollection<Document> c : List.of(local, stock)) {
            c.createIndex(Indexes.ascending("owner", "day"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                c.insertOne(new Document("_id", "b" + i).append("owner", "owner-" + (i % 5)).append("day", "d" + (i / 5))
                        .append("n", i).append("tags", List.of("t" + (i % 3)))
                        .append("entries", List.of(new Document("id", "e" + i).append("at", (long) i))));
            }
        }
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void updatesByKeyTakeThePathWithoutCopies() {
        assertThat(KeyedCollection.updatesWithoutCopies()).isTrue();
    }

    @Test
    void leavesTheDocumentsAndCountsTheStockServerLeavesAfterRandomUpdates() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            for (int i = 0; i < 400; i++) {
                Function<MongoCollection<Document>, UpdateResult> update = randomUpdate(random);
                assertThat(outcome(local, update)).as("seed %d, update %d", seed, i).isEqualTo(outcome(stock, update));
            }
            assertThat(contents(local)).as("seed %d", seed).isEqualTo(contents(stock));
        }
    }

    @Test
    void aSetToTheSameNumberOfAnotherTypeCountsAsTheStockServerCountsIt() {
        for (Object value : List.of(7, 7L, 7.0, -0.0, 0.0, 0, 9_007_199_254_740_993L)) {
            Bson set = Updates.set("n", value);
            assertThat(outcome(local, c -> c.updateOne(Filters.eq("_id", "b7"), set)))
                    .as("$set n: %s (%s)", value, value.getClass().getSimpleName())
                    .isEqualTo(outcome(stock, c -> c.updateOne(Filters.eq("_id", "b7"), set)));
        }
        assertThat(contents(local)).isEqualTo(contents(stock));
    }

    @Test
    void aKeyTakenByAnotherDocumentIsRefusedAsTheStockServerRefusesIt() {
        Bson taken = Updates.combine(Updates.set("owner", "owner-2"), Updates.set("day", "d0"));

        String refused = outcome(local, c -> c.updateOne(Filters.eq("_id", "b1"), taken));

        assertThat(refused).startsWith("error 11000").isEqualTo(outcome(stock, c -> c.updateOne(Filters.eq("_id", "b1"), taken)));
        assertThat(local.find(Filters.eq("_id", "b1")).first()).containsEntry("owner", "owner-1");
    }

    @Test
    void theTimelinesCappedPushIsComputedWithoutTheLibraryAndOtherShapesAreNot() {
        de.bwaldvogel.mongo.bson.Document bucket = new de.bwaldvogel.mongo.bson.Document("_id", "o|1")
                .append("e", new ArrayList<>(List.of(new de.bwaldvogel.mongo.bson.Document("id", "p1").append("t", 5L))));
        de.bwaldvogel.mongo.bson.Document push = new de.bwaldvogel.mongo.bson.Document("$push", new de.bwaldvogel.mongo.bson.Document("e",
                new de.bwaldvogel.mongo.bson.Document("$each", List.of(new de.bwaldvogel.mongo.bson.Document("id", "p2").append("t", 9L)))
                        .append("$sort", new de.bwaldvogel.mongo.bson.Document("t", -1)).append("$slice", 100)))
                .append("$setOnInsert", new de.bwaldvogel.mongo.bson.Document("o", "o").append("d", 1L));

        de.bwaldvogel.mongo.bson.Document updated = KeyedCollection.cappedPush(bucket, push, de.bwaldvogel.mongo.backend.ArrayFilters.empty());

        assertThat(updated).isNotNull();
        assertThat((List<?>) updated.get("e")).extracting(e -> ((de.bwaldvogel.mongo.bson.Document) e).get("id")).containsExactly("p2", "p1");
        assertThat((List<?>) bucket.get("e")).as("the stored version is left as it was").hasSize(1);
        de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("$push", new de.bwaldvogel.mongo.bson.Document("x.e",
                new de.bwaldvogel.mongo.bson.Document("$each", List.of())));
        assertThat(KeyedCollection.cappedPush(bucket, nested, de.bwaldvogel.mongo.backend.ArrayFilters.empty())).isNull();
    }

    @Test
    void comparesValuesAsTheStockServerDoesWhenCountingModifiedDocuments() throws Exception {
        Method stockRule = Class.forName("de.bwaldvogel.mongo.backend.Utils").getDeclaredMethod("nullAwareEquals", Object.class, Object.class);
        stockRule.setAccessible(true);
        Random random = new Random(18);
        int equal = 0;
        for (int i = 0; i < 20_000; i++) {
            Object a = randomValue(random, 2);
            Object b = random.nextInt(4) == 0 ? a : randomValue(random, 2);
            boolean expected = (boolean) stockRule.invoke(null, a, b);
            assertThat(KeyedCollection.sameNormalised(a, b)).as("%s vs %s", a, b).isEqualTo(expected);
            equal += expected ? 1 : 0;
        }
        assertThat(equal).as("pairs the stock rule found equal").isBetween(2_000, 18_000);
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 7)) {
            case 0 -> List.of(0, -0.0, 0.0, 1, 1L, 1.0, 1.5, 1.5f, Double.NaN, 9_007_199_254_740_993L, 9_007_199_254_740_992L)
                    .get(random.nextInt(11));
            case 1 -> List.of("a", "b", "").get(random.nextInt(3));
            case 2 -> random.nextBoolean() ? Missing.getInstance() : "null";
            case 3 -> null;
            case 4 -> Boolean.TRUE;
            case 5 -> new de.bwaldvogel.mongo.bson.ObjectId(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) random.nextInt(2)});
            case 6 -> random.nextInt(3);
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int k = random.nextInt(3); k > 0; k--) list.add(randomValue(random, depth - 1));
                yield list;
            }
            case 8 -> {
                LinkedHashSet<Object> set = new LinkedHashSet<>();
                for (int k = random.nextInt(3); k > 0; k--) set.add(randomValue(random, depth - 1));
                yield set;
            }
            default -> {
                de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
                for (int k = random.nextInt(3); k > 0; k--) document.put(List.of("x", "y", "z").get(random.nextInt(3)), randomValue(random, depth - 1));
                yield random.nextBoolean() ? document : Map.copyOf(withoutNulls(document));
            }
        };
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new java.util.HashMap<>();
        map.forEach((k, v) -> copy.put(k, v == null ? "null" : v));
        return copy;
    }

    /**
     * One random update of the shapes the stack sends (filters by key; operators on scalars, sets and capped arrays);
     * every random choice is made here, so both stores receive the same update.
     */
    private static Function<MongoCollection<Document>, UpdateResult> randomUpdate(Random random) {
        Bson byId = Filters.eq("_id", "b" + random.nextInt(24));
        Bson byIds = Filters.in("_id", "b" + random.nextInt(24), "b" + random.nextInt(24));
        Bson byOwnerAndDay = Filters.and(Filters.eq("owner", "owner-" + random.nextInt(6)), Filters.eq("day", "d" + random.nextInt(5)));
        Object number = List.of(0, -0.0, 3, 3L, 3.0, 2.5).get(random.nextInt(6));
        String entry = "e" + random.nextInt(24);
        long at = random.nextInt(100);
        String tag = "t" + random.nextInt(4);
        String field = random.nextBoolean() ? "n" : "title";
        String owner = "owner-" + random.nextInt(6);
        String day = "d" + random.nextInt(5);
        Object sortedBy = List.<Object>of(1, 1L, 2.5, 7L, "late", 40).get(random.nextInt(6));
        Document newEntry = random.nextInt(5) == 0 ? new Document("id", entry) : new Document("id", entry).append("at", sortedBy);
        if (random.nextBoolean()) newEntry.append("meta", new Document("at", sortedBy));
        PushOptions capped = new PushOptions();
        switch (random.nextInt(5)) {
            case 0 -> capped.sortDocument(Sorts.descending("at"));
            case 1 -> capped.sortDocument(Sorts.orderBy(Sorts.ascending("at"), Sorts.descending("id")));
            case 2 -> capped.sortDocument(Sorts.ascending("id"));
            // a path into each element is looked up by the library's rule, a top-level field straight from the element
            case 3 -> capped.sortDocument(Sorts.orderBy(Sorts.descending("meta.at"), Sorts.ascending("id")));
            default -> { }
        }
        if (random.nextInt(4) > 0) capped.slice(List.of(4, 3, -3, 0, 100).get(random.nextInt(5)));
        String pushed = List.of("entries", "entries", "entries", "tags", "n", "fresh").get(random.nextInt(6));
        boolean upsert = random.nextBoolean();
        switch (random.nextInt(6)) {
            case 0 -> { return c -> c.updateOne(byId, Updates.combine(Updates.pushEach(pushed, List.of(newEntry), capped),
                    Updates.setOnInsert("o", owner)), new UpdateOptions().upsert(upsert)); }
            case 1 -> { return c -> c.updateOne(byId, Updates.pushEach(pushed, List.of(newEntry, new Document("id", tag).append("at", sortedBy)), capped)); }
            case 2 -> {
                Object element = random.nextBoolean() ? tag : newEntry;
                return c -> c.updateOne(byId, Updates.push("entries", element));
            }
            default -> { }
        }
        return switch (random.nextInt(11)) {
            case 0 -> c -> c.updateOne(byId, Updates.set("n", number));
            case 1 -> c -> c.updateOne(byId, Updates.inc("n", number instanceof Double d ? d : 1));
            case 2 -> c -> c.updateOne(byId, Updates.pushEach("entries", List.of(new Document("id", entry).append("at", at)),
                    new PushOptions().sortDocument(Sorts.descending("at")).slice(4)));
            case 3 -> c -> c.updateOne(byId, Updates.addToSet("tags", tag));
            case 4 -> c -> c.updateOne(byId, Updates.pull("tags", tag));
            case 5 -> c -> c.updateOne(byId, Updates.unset(field));
            case 6 -> c -> c.updateOne(byId, Updates.max("n", number));
            case 7 -> c -> c.updateOne(byId, Updates.set("entries.$[e].seen", true),
                    new UpdateOptions().arrayFilters(List.of(Filters.eq("e.id", entry))));
            case 8 -> c -> c.updateMany(byIds, Updates.set("title", tag));
            case 9 -> c -> c.updateOne(byId, Updates.combine(Updates.setOnInsert("created", true), Updates.set("owner", owner)),
                    new UpdateOptions().upsert(true));
            default -> c -> c.updateOne(byOwnerAndDay, Updates.set("day", day));
        };
    }

    private static String outcome(MongoCollection<Document> c, Function<MongoCollection<Document>, UpdateResult> update) {
        try {
            UpdateResult result = update.apply(c);
            return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount() + ", upserted " + result.getUpsertedId();
        } catch (MongoWriteException e) {
            return "error " + e.getError().getCode();
        }
    }

    private static List<String> contents(MongoCollection<Document> c) {
        List<String> documents = new ArrayList<>();
        c.find().sort(Sorts.ascending("_id")).forEach(d -> documents.add(d.toJson(EXACT_JSON)));
        return documents;
    }
}
