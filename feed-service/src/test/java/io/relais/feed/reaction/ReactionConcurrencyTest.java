package io.relais.feed.reaction;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a double (or sextuple) click sends several reaction changes at once; whatever their
 * interleaving, each person keeps one reaction and the counts shown equal the reactions stored.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReactionConcurrencyTest {

    static final List<String> KINDS = List.of("like", "celebrate", "insightful", "support");

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @RepeatedTest(3)
    void manyParallelChangesBySeveralPeopleLeaveCountsEqualToTheReactionsStored() throws Exception {
        String author = person("alice");
        String id = post(author, null, "Qui vient jeudi ?");
        List<String> people = List.of(person("bob"), person("carol"), person("dan"), person("eve"));
        List<Runnable> changes = new ArrayList<>();
        for (String p : people) {
            for (int i = 0; i < 6; i++) {
                String kind = KINDS.get(i % KINDS.size());
                changes.add(() -> as(p).body(Map.of("kind", kind)).put("/api/posts/{id}/reactions/mine", local(id))
                        .then().statusCode(200));
            }
            if (!p.startsWith("eve")) continue;
            changes.add(() -> as(p).delete("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable change : changes) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                change.run();
            }, pool));
        }
        start.countDown();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();

        Map<String, Integer> stored = new HashMap<>();
        int reactions = 0;
        Document roster = mongo.getDatabase(database).getCollection("posts").find(eq("_id", id)).first()
                .get("reactedBy", Document.class);
        for (Object r : roster.values()) {
            stored.merge(((Document) r).getString("kind"), 1, Integer::sum);
            reactions++;
        }
        assertThat(reactions).isBetween(people.size() - 1, people.size()); // eve's delete may land first or last
        Map<String, Integer> shown = as(author).get("/api/posts/{id}/reactions", local(id)).then().statusCode(200)
                .extract().jsonPath().getMap("counts", String.class, Integer.class);
        assertThat(shown).isEqualTo(stored);
    }
}
