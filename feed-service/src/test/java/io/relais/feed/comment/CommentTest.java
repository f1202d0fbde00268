package io.relais.feed.comment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CommentTest {

    static String comment(String login, String postIri, String content, String inReplyTo) {
        Map<String, Object> body = inReplyTo == null ? Map.of("content", content) : Map.of("content", content, "inReplyTo", inReplyTo);
        return as(login).body(body).post("/api/posts/{id}/comments", local(postIri)).then().statusCode(201).extract().path("id");
    }

    @Test
    void aCommentAndAReplyArePublishedWithTheRootAsContextAndTheRootsAudience() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "private");
        addMember(slug, owner, member);
        String root = post(owner, slug, "Question du jour");
        String c1 = comment(member, root, "Réponse @" + owner + " #idée", null);
        String r1 = comment(owner, root, "Merci !", local(c1));
        ConsumerRecord<String, String> rec = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains(r1)
                && r.value().contains("\"Create\""), 1, Duration.ofSeconds(30)).get(0);
        Activity reply = ActivityJson.read(rec.value());
        assertThat(rec.key()).isEqualTo(root);
        assertThat(reply.object().inReplyTo()).isEqualTo(c1);
        assertThat(reply.object().context()).isEqualTo(root);
        assertThat(reply.audience()).containsExactly(Iri.community(slug));
        Activity first = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains(c1)
                && r.value().contains("\"Create\""), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(first.object().inReplyTo()).isEqualTo(root);
        assertThat(first.object().mentions()).containsExactly(Iri.person(owner));
        assertThat(first.object().hashtags()).containsExactly(Iri.hashtag("idée"));
        as(member).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.commentCount", equalTo(2)).body("post.firstComments.id", equalTo(List.of(c1, r1)))
                .body("comments.id", equalTo(List.of(c1, r1))).body("comments[1].inReplyTo", equalTo(c1));
    }

    @Test
    void theThreadIsPagedByCursorWithoutGapsOrDuplicates() {
        String alice = person("alice");
        String root = post(alice, null, "Long fil");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) written.add(comment(alice, root, "c" + i, null));
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(alice).queryParam("limit", 3);
            if (cursor != null) spec.queryParam("cursor", cursor);
            var page = spec.get("/api/posts/{id}", local(root)).then().statusCode(200).extract();
            read.addAll(page.path("comments.id"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(new HashSet<>(read)).hasSize(7);
        assertThat(pages).isEqualTo(3);
        as(alice).queryParam("cursor", "garbage!").get("/api/posts/{id}", local(root)).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        as(alice).queryParam("limit", 51).get("/api/posts/{id}", local(root)).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aReplyMustAnswerACommentOfTheSamePost() {
        String alice = person("alice");
        String p1 = post(alice, null, "p1");
        String p2 = post(alice, null, "p2");
        String c = comment(alice, p1, "sur p1", null);
        as(alice).body(Map.of("content", "x", "inReplyTo", local(c))).post("/api/posts/{id}/comments", local(p2))
                .then().statusCode(400).body("errors.field", hasItem("inReplyTo"));
    }

    /**
     * The tester's finding: a reply to a comment moderation hid was accepted (201, its author notified) while every other
     * path answered as if it did not exist. It is refused as a reply to a deleted comment; its author, who still reads it
     * in the thread, may still answer it.
     */
    @Test
    void aReplyToAHiddenCommentIsRefusedAsToADeletedOneButItsAuthorMayStillAnswerIt() {
        String bob = person("bob");
        String carol = person("carol");
        String alice = person("alice");
        String slug = community(bob, "public");
        addMember(slug, bob, carol);
        addMember(slug, bob, alice);
        String root = post(bob, slug, "Vie de bureau");
        String hidden = comment(carol, root, "Un avis tranché", null);
        String deleted = comment(carol, root, "Un avis retiré", null);
        as(carol).delete("/api/posts/{p}/comments/{c}", local(root), local(deleted)).then().statusCode(204);
        as(bob).body(Map.of("object", hidden, "action", "hide", "reason", "Hors charte")).post("/api/moderation/actions")
                .then().statusCode(200);

        String toDeleted = as(alice).body(Map.of("content", "Réponse", "inReplyTo", local(deleted)))
                .post("/api/posts/{id}/comments", local(root)).then().statusCode(400).extract().path("errors[0].message");
        as(alice).body(Map.of("content", "Réponse", "inReplyTo", local(hidden))).post("/api/posts/{id}/comments", local(root))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("inReplyTo")).body("errors[0].message", equalTo(toDeleted));
        as(alice).get("/api/posts/{id}", local(root)).then().statusCode(200).body("post.commentCount", equalTo(0));

        String answer = comment(carol, root, "Je précise", local(hidden));
        as(carol).get("/api/posts/{id}", local(root)).then().statusCode(200).body("comments.id", hasItem(answer));
    }

    @Test
    void authorsEditTheirCommentsAndModeratorsDeleteThem() {
        String owner = person("olga");
        String member = person("mia");
        String other = person("otto");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String root = post(owner, slug, "Sujet");
        String c = comment(member, root, "Avis", null);
        as(other).body(Map.of("content", "changé")).put("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(403);
        as(member).body(Map.of("content", "Avis nuancé")).put("/api/posts/{p}/comments/{c}", local(root), local(c))
                .then().statusCode(200).body("content", equalTo("<p>Avis nuancé</p>"));
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"") && r.value().contains(c), 1, Duration.ofSeconds(30));
        as(other).delete("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(403);
        as(owner).delete("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(204);
        as(member).get("/api/posts/{id}", local(root)).then().body("comments", hasSize(0)).body("post.commentCount", equalTo(0));
        Activity del = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Delete\"")
                && r.value().contains(c), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(del.object().type()).isEqualTo("Tombstone");
        assertThat(del.object().context()).isEqualTo(root);
    }

    /**
     * An archived community is read-only: its threads take no new comment or reply, and no comment there is edited
     * (409 naming the rule, as a new post there); their authors and its moderators still take comments down.
     */
    @Test
    void anArchivedCommunitysThreadsTakeNoCommentNorEditButCommentsCanStillBeDeleted() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String root = post(member, slug, "Sujet");
        String mine = comment(member, root, "Avis", null);
        String other = comment(member, root, "Autre avis", null);
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        String archived = "community " + slug + " is archived";

        as(member).body(Map.of("content", "Encore un avis")).post("/api/posts/{id}/comments", local(root)).then()
                .statusCode(409).contentType("application/problem+json").body("detail", equalTo(archived));
        as(member).body(Map.of("content", "Réponse", "inReplyTo", local(mine))).post("/api/posts/{id}/comments", local(root))
                .then().statusCode(409).contentType("application/problem+json").body("detail", equalTo(archived));
        as(member).body(Map.of("content", "Avis nuancé")).put("/api/posts/{p}/comments/{c}", local(root), local(mine))
                .then().statusCode(409).contentType("application/problem+json").body("detail", equalTo(archived));

        as(member).delete("/api/posts/{p}/comments/{c}", local(root), local(mine)).then().statusCode(204);
        as(owner).delete("/api/posts/{p}/comments/{c}", local(root), local(other)).then().statusCode(204);
        as(member).get("/api/posts/{id}", local(root)).then().statusCode(200).body("comments", hasSize(0))
                .body("post.commentCount", equalTo(0));
    }
}
