package io.relais.feed.moderation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Hide, restore, remove: who may, what readers then see, what the author is told, what goes on the log. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class DecisionTest {

    record Setup(String owner, String mod, String author, String reader, String slug) {
    }

    static Setup aCommunityWithAModerator() {
        String owner = person("owner");
        String mod = person("mod");
        String author = person("alice");
        String reader = person("carol");
        String slug = community(owner, "public");
        for (String p : List.of(mod, author, reader)) addMember(slug, owner, p);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        return new Setup(owner, mod, author, reader, slug);
    }

    static List<String> communityFeed(String login, String slug) {
        return as(login).get("/api/feed/communities/{slug}", slug).then().statusCode(200).extract().path("items.post.id");
    }

    @Test
    void aHiddenPostIsGoneForReadersAndMarkedForItsAuthorUntilRestored() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Venez acheter mes cryptos");
        await().atMost(Duration.ofSeconds(30)).until(() -> communityFeed(s.reader(), s.slug()).contains(id));
        as(s.reader()).body(Map.of("object", id, "reason", "spam")).post("/api/reports").then().statusCode(201);

        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "Démarchage commercial")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("hidden")).body("reportsResolved", equalTo(1));

        as(s.reader()).get("/api/posts/{id}", local(id)).then().statusCode(404);
        assertThat(communityFeed(s.reader(), s.slug())).doesNotContain(id);
        as(s.author()).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.hidden.reason", equalTo("Démarchage commercial"));
        as(s.mod()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200)
                .body("items.object", not(hasItem(id)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(s.author()).get("/api/notifications").then()
                .body("items.find { it.object == '" + id + "' && it.kind == 'hidden' }.detail", equalTo("Démarchage commercial")));

        as(s.mod()).body(Map.of("object", id, "action", "restore", "reason", "Erreur de ma part")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("visible"));
        as(s.reader()).get("/api/posts/{id}", local(id)).then().statusCode(200).body("post.hidden", equalTo(null));
        assertThat(communityFeed(s.reader(), s.slug())).contains(id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(s.author()).get("/api/notifications").then()
                .body("items.find { it.object == '" + id + "' && it.kind == 'restored' }.detail", equalTo("Erreur de ma part")));
    }

    @Test
    void aModeratorFindsWhatTheyHidWithItsReasonUntilItIsRestored() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Offre exceptionnelle");
        as(s.reader()).body(Map.of("object", id, "reason", "spam")).post("/api/reports").then().statusCode(201);
        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "Publicité")).post("/api/moderation/actions").then().statusCode(200);

        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body("items.find { it.object == '" + id + "' }.hiddenReason", equalTo("Publicité"));
        as(s.reader()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(403);

        as(s.mod()).body(Map.of("object", id, "action", "restore", "reason", "Erreur")).post("/api/moderation/actions").then().statusCode(200);
        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body("items.object", not(hasItem(id)));
    }

    @Test
    void aQueueListingOtherThanOpenOrHiddenIsRefusedNamingTheParameter() {
        Setup s = aCommunityWithAModerator();
        as(s.mod()).get("/api/moderation/queue?community={slug}&state=all", s.slug()).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("state"));
    }

    @Test
    void hideAndRestoreAreUpdatesOfTheWholeObjectCarryingTheDecision() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Texte complet #atlas");
        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "Hors charte")).post("/api/moderation/actions").then().statusCode(200);
        Activity update = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"")
                && r.value().contains(id) && r.value().contains("\"hide\""), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(update.object().content()).contains("Texte complet");
        assertThat(update.object().tag()).isNotEmpty();
        assertThat(RelaisExtension.of(update.object()).moderation().orElseThrow().hidden()).isTrue();
        assertThat(RelaisExtension.of(update).moderation()).contains(RelaisExtension.Moderation.decision("hide", "Hors charte"));
    }

    @Test
    void aHiddenCommentIsGoneFromItsThread() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Question sérieuse");
        String comment = as(s.reader()).body(Map.of("content", "Réponse insultante")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("id");
        as(s.mod()).body(Map.of("object", comment, "action", "hide", "reason", "Propos insultants")).post("/api/moderation/actions")
                .then().statusCode(200);
        as(s.author()).get("/api/posts/{id}", local(id)).then().statusCode(200).body("comments.id", not(hasItem(comment)));
        as(s.reader()).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("comments.find { it.id == '" + comment + "' }.hidden.reason", equalTo("Propos insultants"));
    }

    static int commentCount(String login, String postId) {
        return as(login).get("/api/posts/{id}", local(postId)).then().statusCode(200).extract().path("post.commentCount");
    }

    static int cardCommentCount(String login, String slug, String postId) {
        return as(login).get("/api/feed/communities/{slug}", slug).then().statusCode(200).extract()
                .path("items.find { it.post.id == '" + postId + "' }.post.commentCount");
    }

    static String comment(String login, String postId, String text) {
        return as(login).body(Map.of("content", text)).post("/api/posts/{id}/comments", local(postId))
                .then().statusCode(201).extract().path("id");
    }

    static void decide(String moderator, String object, String action) {
        as(moderator).body(Map.of("object", object, "action", action, "reason", "Vérification")).post("/api/moderation/actions")
                .then().statusCode(200);
    }

    @Test
    void aHiddenCommentLeavesTheCommentCountOnceAndARestoreBringsItBackOnce() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Combien de réponses ?");
        String insult = comment(s.reader(), id, "Réponse insultante");
        comment(s.reader(), id, "Réponse utile");
        assertThat(commentCount(s.reader(), id)).isEqualTo(2);

        decide(s.mod(), insult, "hide");
        decide(s.mod(), insult, "hide"); // a repeated decision changes nothing
        assertThat(commentCount(s.reader(), id)).isEqualTo(1);
        assertThat(commentCount(s.author(), id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> communityFeed(s.reader(), s.slug()).contains(id));
        assertThat(cardCommentCount(s.reader(), s.slug(), id)).isEqualTo(1);

        decide(s.mod(), insult, "restore");
        decide(s.mod(), insult, "restore");
        assertThat(commentCount(s.reader(), id)).isEqualTo(2);
        assertThat(cardCommentCount(s.reader(), s.slug(), id)).isEqualTo(2);
    }

    @Test
    void deletingAHiddenCommentDoesNotLowerTheCountAgain() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Un fil");
        String hidden = comment(s.reader(), id, "À masquer");
        comment(s.reader(), id, "À garder");
        decide(s.mod(), hidden, "hide");
        as(s.reader()).delete("/api/posts/{id}/comments/{c}", local(id), local(hidden)).then().statusCode(204);
        assertThat(commentCount(s.reader(), id)).isEqualTo(1);
    }

    @Test
    void removeDeletesItAndTellsTheAuthorWhy() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Document confidentiel");
        as(s.mod()).body(Map.of("object", id, "action", "remove", "reason", "Information confidentielle")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("removed"));
        as(s.author()).get("/api/posts/{id}", local(id)).then().statusCode(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(s.author()).get("/api/notifications").then()
                .body("items.find { it.object == '" + id + "' && it.kind == 'removed' }.detail", equalTo("Information confidentielle")));
    }

    @Test
    void onlyItsModeratorsDecide() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Un post");
        Map<String, String> hide = Map.of("object", id, "action", "hide", "reason", "Test");
        as(s.reader()).body(hide).post("/api/moderation/actions").then().statusCode(403);
        as(s.author()).body(hide).post("/api/moderation/actions").then().statusCode(403);
        Setup other = aCommunityWithAModerator();
        as(other.mod()).body(hide).post("/api/moderation/actions").then().statusCode(403);
        String secret = community(s.owner(), "secret");
        String secretPost = post(s.owner(), secret, "Entre nous");
        as(s.mod()).body(Map.of("object", secretPost, "action", "hide", "reason", "Test")).post("/api/moderation/actions").then().statusCode(404);
        as(person("manager"), "employee", "community-manager").body(hide).post("/api/moderation/actions").then().statusCode(200);
        as(s.mod()).body(hide).post("/api/moderation/actions").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("hidden")).body("reportsResolved", org.hamcrest.Matchers.equalTo(0));
    }

    static io.restassured.response.ValidatableResponse tryDecide(io.restassured.specification.RequestSpecification who, String object,
                                                                 String action) {
        return who.body(Map.of("object", object, "action", action, "reason", "Vérification")).post("/api/moderation/actions").then();
    }

    /**
     * The tester's finding: an author who owns the community released their own post a keyword rule held, and could hide,
     * restore or remove their own words as any moderator. Nobody decides on what they wrote: 403 naming {@code object}, the
     * item left as it was; deleting it stays theirs through the ordinary delete.
     */
    @Test
    void nobodyDecidesOnWhatTheyWroteThemselvesNotEvenAsItsCommunitysOwner() {
        RulesAndAuditTest.rules();
        String alice = person("alice");
        String carol = person("carol");
        String slug = community(alice, "public");
        addMember(slug, alice, carol);
        String held = post(alice, slug, "Achetez ma cryptomonnaie maintenant");
        as(carol).get("/api/posts/{id}", local(held)).then().statusCode(404);

        for (String action : List.of("restore", "hide", "remove")) {
            tryDecide(as(alice), held, action).statusCode(403).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("object"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("nobody decides on what they wrote"));
        }
        as(carol).get("/api/posts/{id}", local(held)).then().statusCode(404);
        as(alice).get("/api/posts/{id}", local(held)).then().statusCode(200).body("post.hidden", org.hamcrest.Matchers.notNullValue());

        String carolsPost = post(carol, slug, "Un sujet");
        String alicesComment = comment(alice, carolsPost, "Mon avis");
        tryDecide(as(alice), alicesComment, "hide").statusCode(403).body("errors[0].field", equalTo("object"));
        String manager = person("manager");
        String announcement = post(manager, null, "Mon message à tous");
        tryDecide(as(manager, "employee", "community-manager"), announcement, "hide").statusCode(403)
                .body("errors[0].field", equalTo("object"));

        as(alice).delete("/api/posts/{id}", local(held)).then().statusCode(204);
    }

    /**
     * The tester's finding: a community's owner restored a post a community manager had hidden. What the organisation hid
     * (a keyword rule's hold, a community manager's or an admin's hide) only a community manager or an admin restores; a
     * community's owners and moderators get 403 naming {@code object}, and restore what one of them hid.
     */
    @Test
    void anItemTheOrganisationHidIsRestoredOnlyByACommunityManagerOrAnAdmin() {
        RulesAndAuditTest.rules();
        Setup s = aCommunityWithAModerator();
        String manager = person("manager");
        String admin = person("admin");
        String held = post(s.author(), s.slug(), "Une question sur la cryptomonnaie");
        String hiddenByManager = post(s.author(), s.slug(), "Démarchage");
        tryDecide(as(manager, "employee", "community-manager"), hiddenByManager, "hide").statusCode(200);
        String hiddenComment = comment(s.reader(), post(s.owner(), s.slug(), "Sujet"), "Insulte");
        tryDecide(as(admin, "employee", "admin"), hiddenComment, "hide").statusCode(200);

        for (String object : List.of(held, hiddenByManager, hiddenComment)) {
            for (String moderator : List.of(s.mod(), s.owner())) {
                tryDecide(as(moderator), object, "restore").statusCode(403).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("object"))
                        .body("errors[0].message", org.hamcrest.Matchers.containsString("only community managers and admins restore"));
            }
        }
        as(s.reader()).get("/api/posts/{id}", local(held)).then().statusCode(404);
        as(s.reader()).get("/api/posts/{id}", local(hiddenByManager)).then().statusCode(404);

        tryDecide(as(manager, "employee", "community-manager"), held, "restore").statusCode(200).body("state", equalTo("visible"));
        tryDecide(as(admin, "employee", "admin"), hiddenByManager, "restore").statusCode(200);
        tryDecide(as(manager, "employee", "community-manager"), hiddenComment, "restore").statusCode(200);
        as(s.reader()).get("/api/posts/{id}", local(held)).then().statusCode(200);
        as(s.reader()).get("/api/posts/{id}", local(hiddenByManager)).then().statusCode(200);

        // what one of the community's moderators hid, its owner restores
        String hiddenByMod = post(s.author(), s.slug(), "Hors sujet");
        tryDecide(as(s.mod()), hiddenByMod, "hide").statusCode(200);
        tryDecide(as(s.owner()), hiddenByMod, "restore").statusCode(200).body("state", equalTo("visible"));
    }

    @Test
    void badDecisionsNameTheField() {
        Setup s = aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Un post");
        as(s.mod()).body(Map.of("object", id, "action", "ban", "reason", "x")).post("/api/moderation/actions").then().statusCode(400)
                .body("errors.field", hasItem("action"));
        as(s.mod()).body(Map.of("object", id, "action", "hide")).post("/api/moderation/actions").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "x".repeat(501))).post("/api/moderation/actions").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
    }
}
