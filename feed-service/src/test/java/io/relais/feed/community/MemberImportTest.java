package io.relais.feed.community;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.sanitize.InputLimits;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /api/communities/{slug}/members}: many people at once, with the effects of one join each. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MemberImportTest {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    InputLimits limits;

    static List<String> people(String name, int n) {
        List<String> logins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) logins.add(person(name));
        return logins;
    }

    static String admin() {
        return person("ada");
    }

    static io.restassured.specification.RequestSpecification asAdmin(String login) {
        return as(login, "employee", "admin");
    }

    static List<String> homeIds(String login) {
        return as(login).queryParam("limit", 50).get("/api/feed/home").then().statusCode(200).extract()
                .jsonPath().getList("items.post.id", String.class);
    }

    @Test
    void anAdminImportsThousandsIntoAPrivateCommunityOnceAndTheyReadItsPostsPulledIntoTheirHomeFeed() {
        String owner = person("olga");
        String slug = community(owner, "private");
        List<String> logins = people("hr", 2500);
        List<String> sent = new ArrayList<>(logins);
        sent.add(logins.get(7));                               // duplicates collapse,
        sent.add(logins.get(8).toUpperCase(Locale.ROOT));      // also by case (a login is one person)
        String admin = admin();

        asAdmin(admin).body(Map.of("logins", sent)).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("added", equalTo(2500)).body("alreadyMembers", equalTo(0)).body("members", equalTo(2501))
                .body("refused", hasSize(0));
        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(2501))
                .body("members.person.login", hasItem(logins.get(2499)));
        as(owner).get("/api/communities/{slug}", slug).then().body("memberCount", equalTo(2501));

        asAdmin(admin).body(Map.of("logins", logins)).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("added", equalTo(0)).body("alreadyMembers", equalTo(2500)).body("members", equalTo(2501));
        as(owner).get("/api/communities/{slug}/members", slug).then().body("count", equalTo(2501));

        String early = logins.get(3);       // first roster bucket
        String late = logins.get(2499);     // third roster bucket
        as(late).get("/api/communities/{slug}", slug).then().statusCode(200)
                .body("myRole", equalTo("member")).body("myStatus", equalTo("member"));
        as(late).get("/api/feed/communities/{slug}", slug).then().statusCode(200);

        // 2,501 members is far above the test pull threshold (3): the post is read from the community's timeline
        String news = post(owner, slug, "<p>Bienvenue à tous les collègues de Paris</p>");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(homeIds(early)).contains(news);
            assertThat(homeIds(late)).contains(news);
        });
        JsonPath home = as(late).queryParam("limit", 50).get("/api/feed/home").then().extract().jsonPath();
        assertThat(home.getList("items.findAll { it.post.id == '" + news + "' }.reasons.flatten()", String.class))
                .contains("member");
    }

    @Test
    void aSmallImportIsPushedIntoTheNewMembersHomeFeeds() {
        String owner = person("olga");
        String slug = community(owner, "secret");
        List<String> logins = people("pia", 2); // owner + 2 = 3 members: at the threshold, posts are pushed

        as(owner).body(Map.of("logins", logins)).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("added", equalTo(2)).body("members", equalTo(3));
        for (String login : logins) {
            as(login).get("/api/communities/{slug}", slug).then().statusCode(200).body("myRole", equalTo("member"));
            as(login).get("/api/communities?q={q}", slug).then().body("slug", hasItem(slug));
        }
        String news = post(owner, slug, "<p>Ordre du jour du comité</p>");
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String login : logins) assertThat(homeIds(login)).contains(news);
        });
    }

    @Test
    void eachNewMemberIsPublishedAsOneJoinAndAReimportPublishesNone() {
        String owner = person("olga");
        String slug = community(owner, "public");
        String iri = Iri.community(slug);
        List<String> first = people("jo", 3);
        String later = person("lou");

        as(owner).body(Map.of("logins", first)).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("added", equalTo(3));
        as(owner).body(Map.of("logins", first)).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("added", equalTo(0)).body("alreadyMembers", equalTo(3));
        // a later Join on the same key (the community) comes after anything the re-import could have published
        as(owner).body(Map.of("logins", List.of(later))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(200).body("added", equalTo(1)).body("members", equalTo(5));

        List<ConsumerRecord<String, String>> joins = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> r.value() != null && r.value().contains("\"Join\"") && r.value().contains(iri)
                        && CommunityTest.readable(r.value()) && isJoinTo(ActivityJson.read(r.value()), iri),
                5, Duration.ofSeconds(30));
        List<Activity> activities = joins.stream().map(r -> ActivityJson.read(r.value())).toList();
        assertThat(activities).extracting(Activity::actor).containsExactlyInAnyOrder(Iri.person(owner),
                Iri.person(first.get(0)), Iri.person(first.get(1)), Iri.person(first.get(2)), Iri.person(later));
        assertThat(joins).allSatisfy(r -> assertThat(r.key()).isEqualTo(iri));
        assertThat(activities).filteredOn(a -> !a.actor().equals(Iri.person(owner))).allSatisfy(a -> {
            assertThat(a.relais()).containsEntry("role", "member");
            assertThat(a.to()).containsExactly(iri);
        });
    }

    private static boolean isJoinTo(Activity a, String community) {
        return "Join".equals(a.type()) && a.object() != null && community.equals(a.object().id());
    }

    @Test
    void twoImportsOfTheSameListAtOnceAddEachPersonOnce() {
        String owner = person("olga");
        String slug = community(owner, "public");
        List<String> logins = people("twin", 400);
        Map<String, Object> body = Map.of("logins", logins);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        int added;
        try {
            List<CompletableFuture<Integer>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return as(owner).body(body).post("/api/communities/{slug}/members", slug).then().statusCode(200)
                        .body("alreadyMembers", lessThanOrEqualTo(400)).extract().<Integer>path("added");
            }, pool)).toList();
            start.countDown();
            added = calls.stream().mapToInt(CompletableFuture::join).sum();
        } finally {
            pool.shutdownNow();
        }

        assertThat(added).isEqualTo(400);
        as(owner).get("/api/communities/{slug}", slug).then().body("memberCount", equalTo(401));
        as(owner).get("/api/communities/{slug}/members", slug).then().body("count", equalTo(401));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("start gate never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ownersAndModeratorsImportOnlyOwnersAndAdminsAddModeratorsOthersAreRefused() {
        String owner = person("olga");
        String mod = person("moe");
        String member = person("mia");
        String slug = community(owner, "private");
        addMember(slug, owner, mod);
        addMember(slug, owner, member);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod)
                .then().statusCode(204);
        List<String> team = people("tim", 2);

        as(member).body(Map.of("logins", team)).post("/api/communities/{slug}/members", slug).then().statusCode(403)
                .contentType("application/problem+json");
        as(person("cm"), "employee", "community-manager").body(Map.of("logins", team))
                .post("/api/communities/{slug}/members", slug).then().statusCode(403);
        as(mod).body(Map.of("logins", team, "role", "moderator")).post("/api/communities/{slug}/members", slug)
                .then().statusCode(403);
        as(mod).body(Map.of("logins", team.subList(0, 1))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(200).body("added", equalTo(1));
        as(owner).body(Map.of("logins", team.subList(1, 2), "role", "moderator"))
                .post("/api/communities/{slug}/members", slug).then().statusCode(200).body("added", equalTo(1));
        as(owner).get("/api/communities/{slug}/members", slug).then()
                .body("members.find { it.person.login == '" + team.get(0) + "' }.role", equalTo("member"))
                .body("members.find { it.person.login == '" + team.get(1) + "' }.role", equalTo("moderator"));
        as(team.get(1)).get("/api/communities/{slug}/requests", slug).then().statusCode(200); // moderates now

        String secret = community(owner, "secret");
        as(person("paul")).body(Map.of("logins", team)).post("/api/communities/{slug}/members", secret).then()
                .statusCode(404);
        asAdmin(admin()).body(Map.of("logins", team)).post("/api/communities/{slug}/members", secret).then()
                .statusCode(404); // admins get no sight of secret communities either
        given().contentType("application/json").body(Map.of("logins", team)).post("/api/communities/{slug}/members", slug)
                .then().statusCode(401);

        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(owner).body(Map.of("logins", people("late", 1))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldBeforeAnythingIsLookedUp() {
        String owner = person("olga");
        String slug = community(owner, "public");
        String nowhere = "nothing-here-" + System.nanoTime(); // 400, not 404: validation comes first

        for (String target : List.of(slug, nowhere)) {
            as(owner).body(Map.of("logins", List.of())).post("/api/communities/{slug}/members", target).then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("logins"));
            as(owner).body(Map.of("role", "member")).post("/api/communities/{slug}/members", target).then()
                    .statusCode(400).body("errors.field", hasItem("logins"));
            as(owner).body(Map.of("logins", people("many", 5001))).post("/api/communities/{slug}/members", target)
                    .then().statusCode(400).body("errors.field", hasItem("logins"));
            as(owner).body(Map.of("logins", List.of("ana.martin", "../x"))).post("/api/communities/{slug}/members", target)
                    .then().statusCode(400).body("errors.field", hasItem(startsWith("logins[1]")))
                    .body("errors.message", hasItem("must be a login"));
            as(owner).body(Map.of("logins", List.of("ana.martin"), "role", "owner"))
                    .post("/api/communities/{slug}/members", target).then().statusCode(400)
                    .body("errors.field", hasItem("role"));
        }
        as(owner).get("/api/communities/{slug}/members", slug).then().body("count", equalTo(1))
                .body("members.person.login", not(hasItem("ana.martin")));

        // a body above feed.limits.member-import-bytes is refused before it is parsed
        String padding = " ".repeat((int) limits.memberImportBytes());
        as(owner).body("{\"logins\":[\"ana.martin\"]" + padding + "}").post("/api/communities/{slug}/members", slug)
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("$"));
    }

    @Test
    void aPersonAtTheCommunityLimitIsRefusedAloneAndPendingRequestsOfNewMembersAreCleared() {
        String owner = person("olga");
        String slug = community(owner, "private");
        String full = person("full");
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < limits.communitiesPerPerson(); i++) {
            entries.add(new Document("id", Iri.community("elsewhere-" + i)).append("role", "member"));
        }
        mongo.getDatabase(database).getCollection("memberships")
                .insertOne(new Document("_id", Iri.person(full)).append("c", entries));
        String asker = person("ask");
        String fresh = person("new");
        as(asker).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("pending"));

        as(owner).body(Map.of("logins", List.of(full, asker, fresh))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(200).body("added", equalTo(2)).body("alreadyMembers", equalTo(0)).body("members", equalTo(3))
                .body("refused", hasSize(1)).body("refused[0].login", equalTo(full))
                .body("refused[0].reason", startsWith("already belongs to " + limits.communitiesPerPerson()));
        as(owner).get("/api/communities/{slug}/requests", slug).then().statusCode(200).body("login", not(hasItem(asker)));
        as(asker).get("/api/communities/{slug}", slug).then().body("myRole", equalTo("member"));
        as(full).get("/api/communities/{slug}", slug).then().body("myStatus", equalTo("none"));
    }
}
