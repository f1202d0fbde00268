package io.relais.feed.moderation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.RecordKey;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Reporting a post or comment: who may, what is stored, what goes on the log. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReportTest {

    @Test
    void reportingTwiceIsOneReport() {
        String alice = person("alice");
        String carol = person("carol");
        String id = post(alice, null, "Achetez mes cryptos");
        as(carol).body(Map.of("object", id, "reason", "spam", "comment", "Démarchage")).post("/api/reports").then().statusCode(201)
                .body("object", equalTo(id)).body("reason", equalTo("spam")).body("status", equalTo("open"));
        as(carol).body(Map.of("object", id, "reason", "harassment")).post("/api/reports").then().statusCode(200)
                .body("reason", equalTo("spam")).body("comment", equalTo("Démarchage"));
        as("cm-" + carol, "employee", "community-manager").get("/api/moderation/queue").then().statusCode(200)
                .body("items.find { it.object == '" + id + "' }.reports", equalTo(1))
                .body("items.find { it.object == '" + id + "' }.reasons.spam", equalTo(1));
    }

    @Test
    void aReportIsAFlagOnTheLogAddressedToNobody() {
        String alice = person("alice");
        String carol = person("carol");
        String id = post(alice, null, "Un post signalé");
        String comment = as(alice).body(Map.of("content", "Un commentaire signalé")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("id");
        as(carol).body(Map.of("object", comment, "reason", "off-topic")).post("/api/reports").then().statusCode(201);
        var record = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Flag\"") && r.value().contains(comment),
                1, Duration.ofSeconds(30)).get(0);
        Activity flag = ActivityJson.read(record.value());
        assertThat(flag.actor()).endsWith(":" + carol);
        assertThat(flag.object().id()).isEqualTo(comment);
        assertThat(record.key()).as("ordered with its thread").isEqualTo(id).isEqualTo(RecordKey.of(flag));
        assertThat(flag.audience()).isEmpty();
        assertThat(RelaisExtension.of(flag).moderation()).contains(RelaisExtension.Moderation.report("off-topic", null));
        assertThat(new String(record.headers().lastHeader("ce_source").value())).isEqualTo("/relais/feed-service");
    }

    @Test
    void nobodyReportsWhatTheyCannotSee() {
        String owner = person("owner");
        String outsider = person("outsider");
        String secret = community(owner, "secret");
        String id = post(owner, secret, "Réservé au comité");
        as(outsider).body(Map.of("object", id, "reason", "spam")).post("/api/reports").then().statusCode(404);
        as(outsider).body(Map.of("object", "urn:relais:post:00000000-0000-7000-8000-000000000000", "reason", "spam"))
                .post("/api/reports").then().statusCode(404);
        // not the IRI of anything that can be reported: refused before any lookup, naming the field
        as(outsider).body(Map.of("object", id.replace("post:", "post:x"), "reason", "spam")).post("/api/reports").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("object"));
    }

    /**
     * Reporting follows the thread's rule (ThreadAccess): a comment of a hidden post is gone for its readers, so they
     * cannot report it, while the post's author, who still reads the thread, can.
     */
    @Test
    void aCommentOfAHiddenPostIsReportedOnlyByWhoCanStillReadIt() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String other = person("dave");
        addMember(s.slug(), s.owner(), other);
        String id = post(s.author(), s.slug(), "Un fil bientôt masqué");
        String comment = as(s.reader()).body(Map.of("content", "Un commentaire du fil")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("id");
        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "Hors charte")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("hidden"));

        as(other).get("/api/posts/{id}", local(id)).then().statusCode(404);
        as(other).body(Map.of("object", comment, "reason", "spam")).post("/api/reports").then().statusCode(404);
        as(s.author()).get("/api/posts/{id}", local(id)).then().statusCode(200);
        as(s.author()).body(Map.of("object", comment, "reason", "spam")).post("/api/reports").then().statusCode(201);
    }

    @Test
    void badInputNamesTheField() {
        String alice = person("alice");
        String id = post(alice, null, "Texte");
        as(alice).body(Map.of("object", "https://example.com/x", "reason", "spam")).post("/api/reports").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("object"));
        as(alice).body(Map.of("object", id, "reason", "boring")).post("/api/reports").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(alice).body(Map.of("object", id, "reason", "other", "comment", "x".repeat(501))).post("/api/reports").then().statusCode(400)
                .body("errors.field", hasItem("comment"));
        as(alice).body(Map.of("reason", "other")).post("/api/reports").then().statusCode(400).body("errors.field", hasItem("object"));
    }

    @Test
    void aCommunityQueueIsForItsModeratorsOnly() {
        String owner = person("owner");
        String mod = person("mod");
        String member = person("member");
        String otherOwner = person("other");
        String slug = community(owner, "public");
        String other = community(otherOwner, "public");
        addMember(slug, owner, mod);
        addMember(slug, owner, member);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        String id = post(member, slug, "Hors sujet total");
        as(otherOwner).body(Map.of("object", id, "reason", "off-topic", "comment", "Rien à voir")).post("/api/reports").then().statusCode(201);

        as(mod).get("/api/moderation/queue?community={slug}", slug).then().statusCode(200)
                .body("items[0].object", equalTo(id)).body("items[0].author.login", equalTo(member))
                .body("items[0].excerpt", equalTo("Hors sujet total")).body("items[0].community.slug", equalTo(slug))
                .body("items[0].comments", hasItem("Rien à voir")).body("items[0].state", equalTo("visible"));
        as(owner).get("/api/moderation/queue?community={slug}", slug).then().statusCode(200).body("items.size()", equalTo(1));
        as(member).get("/api/moderation/queue?community={slug}", slug).then().statusCode(403);
        as(otherOwner).get("/api/moderation/queue?community={slug}", slug).then().statusCode(403);
        as(mod).get("/api/moderation/queue?community={other}", other).then().statusCode(403);
        as(mod).get("/api/moderation/queue").then().statusCode(403);
        as(mod).get("/api/moderation/queue?community=no-such-community-here").then().statusCode(404);
    }

    @Test
    void theOrganisationQueueShowsOnlyWhatTheManagerMaySee() {
        String owner = person("owner");
        String reporter = person("reporter");
        String secret = community(owner, "secret");
        addMember(secret, owner, reporter);
        String hiddenFromManager = post(owner, secret, "Affaire du comité");
        as(reporter).body(Map.of("object", hiddenFromManager, "reason", "confidential")).post("/api/reports").then().statusCode(201);
        String manager = person("manager");
        as(manager, "employee", "community-manager").get("/api/moderation/queue").then().statusCode(200)
                .body("items.object", org.hamcrest.Matchers.not(hasItem(hiddenFromManager)));
        as(manager, "employee", "community-manager").get("/api/moderation/queue?community={slug}", secret).then().statusCode(404);
        as(owner).get("/api/moderation/queue?community={slug}", secret).then().statusCode(200)
                .body("items.object", hasItem(hiddenFromManager));
    }
}
