package io.relais.feed.governance;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Retention deletes a community's content older than its rule, at the time of a clock the test controls; a legal hold
 * suspends it; every run, batch, hold and lift is in the audit log.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RetentionTest {

    @Inject
    RetentionJob job;

    @AfterEach
    void systemClockAgain() {
        QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
    }

    static void clockAt(Instant now) {
        QuarkusMock.installMockForType(Clock.fixed(now, ZoneOffset.UTC), Clock.class);
    }

    static Instant created(String author, String postIri) {
        return Instant.parse(as(author).get("/api/posts/{id}", local(postIri)).then().statusCode(200).extract().path("post.created"));
    }

    static JsonPath audit() {
        return as("root", "admin").queryParam("limit", 200).get("/api/moderation/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void contentOlderThanTheRuleIsDeletedAndNewerContentStays() {
        String owner = person("owner");
        String slug = community(owner, "public");
        String old = post(owner, slug, "Ancien compte rendu");
        String oldComment = as(owner).body(Map.of("content", "Ancien commentaire")).post("/api/posts/{id}/comments", local(old))
                .then().statusCode(201).extract().path("id");
        Instant oldCreated = created(owner, old);
        String recent = post(owner, slug, "Compte rendu récent");
        Instant recentCreated = created(owner, recent);
        assertThat(recentCreated).isAfter(oldCreated);
        as(owner).body(Map.of("retentionDays", 30)).put("/api/communities/{slug}/retention", slug).then().statusCode(200)
                .body("retentionDays", equalTo(30));

        // 30 days after a moment between the two posts (the old post's comment was written before that moment too)
        Instant between = oldCreated.plus(Duration.between(oldCreated, recentCreated).dividedBy(2));
        assertThat(created(owner, old)).isBefore(between);
        clockAt(between.plus(Duration.ofDays(30)));
        Retention.RunOutcome outcome = job.runNow();

        assertThat(outcome.posts()).isGreaterThanOrEqualTo(1);
        as(owner).get("/api/posts/{id}", local(old)).then().statusCode(404);
        as(owner).get("/api/posts/{id}", local(recent)).then().statusCode(200);
        List<Map<String, Object>> entries = audit().getList("entries");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("retention-delete");
            assertThat(e.get("community")).isEqualTo(Iri.community(slug));
            assertThat((String) e.get("reason")).startsWith("1 posts created before");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("action")).isEqualTo("retention-run"));
        assertThat(oldComment).isNotNull();
    }

    @Test
    void aLegalHoldSuspendsRetentionUntilItIsLifted() {
        String owner = person("owner");
        String slug = community(owner, "public");
        String old = post(owner, slug, "À garder pour le litige");
        as(owner).body(Map.of("retentionDays", 30)).put("/api/communities/{slug}/retention", slug).then().statusCode(200);
        as("root", "admin").body(Map.of("reason", "Litige fournisseur 2026-114")).put("/api/communities/{slug}/legal-hold", slug)
                .then().statusCode(200).body("legalHold.reason", equalTo("Litige fournisseur 2026-114"))
                .body("legalHold.by", equalTo(Iri.person("root")));
        clockAt(Instant.now().plus(Duration.ofDays(365)));

        job.runNow();
        as(owner).get("/api/posts/{id}", local(old)).then().statusCode(200);

        as("root", "admin").delete("/api/communities/{slug}/legal-hold", slug).then().statusCode(200)
                .body("legalHold", org.hamcrest.Matchers.nullValue());
        job.runNow();
        as(owner).get("/api/posts/{id}", local(old)).then().statusCode(404);
        List<Map<String, Object>> entries = audit().getList("entries");
        assertThat(entries).filteredOn(e -> Iri.community(slug).equals(e.get("community")))
                .extracting(e -> e.get("action")).contains("retention-set", "legal-hold", "legal-hold-lifted", "retention-delete");
        assertThat(entries).filteredOn(e -> "legal-hold".equals(e.get("action")) && Iri.community(slug).equals(e.get("community")))
                .extracting(e -> e.get("actor"), e -> e.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Iri.person("root"), "Litige fournisseur 2026-114"));
    }

    @Test
    void retentionIsAtLeastThirtyDaysAndOnlyOwnersAndAdminsSetItOnlyAdminsHold() {
        String owner = person("owner");
        String member = person("member");
        String slug = community(owner, "public");
        addMember(slug, owner, member);

        as(owner).body(Map.of("retentionDays", 7)).put("/api/communities/{slug}/retention", slug).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("retentionDays"));
        as(owner).body("{\"retentionDays\":\"forever\"}").put("/api/communities/{slug}/retention", slug).then().statusCode(400)
                .contentType("application/problem+json");
        as(member).body(Map.of("retentionDays", 90)).put("/api/communities/{slug}/retention", slug).then().statusCode(403);
        as("root", "admin").body(Map.of("retentionDays", 90)).put("/api/communities/{slug}/retention", slug).then().statusCode(200);
        as(owner).body(Map.of("reason", "mine")).put("/api/communities/{slug}/legal-hold", slug).then().statusCode(403);
        as("root", "admin").body(Map.of("reason", " ")).put("/api/communities/{slug}/legal-hold", slug).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(member).get("/api/communities/{slug}/retention", slug).then().statusCode(403);
        as(owner).get("/api/communities/{slug}/retention", slug).then().statusCode(200).body("retentionDays", equalTo(90));
    }
}
