package io.relais.feed.reaction;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReactionTest {

    @Test
    void reactingTogglesAndReplacesWithCountsInThePost() {
        String alice = person("alice");
        String bob = person("bob");
        String carol = person("carol");
        String id = post(alice, null, "Nouvelle recrue !");
        as(bob).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200)
                .body("counts.like", equalTo(1)).body("mine", equalTo("like"));
        as(bob).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().body("counts.like", equalTo(1));
        as(carol).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        as(bob).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", local(id)).then()
                .body("counts.like", nullValue()).body("counts.celebrate", equalTo(2));
        as(bob).get("/api/posts/{id}", local(id)).then().body("post.reactions.celebrate", equalTo(2))
                .body("post.myReaction", equalTo("celebrate"));
        as(alice).get("/api/posts/{id}/reactions", local(id)).then().statusCode(200)
                .body("people.person.login", hasItem(bob)).body("people.find { it.person.login == '" + carol + "' }.kind", equalTo("celebrate"));
        as(bob).delete("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200).body("counts.celebrate", equalTo(1))
                .body("mine", nullValue());
        as(bob).body(Map.of("kind", "love")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void aLikeAndItsUndoArePublishedPerTheContract() {
        String alice = person("alice");
        String bob = person("bob");
        String id = post(alice, null, "Réaction attendue");
        as(bob).body(Map.of("kind", "insightful")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        var likeRecord = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Like\"") && r.value().contains(id)
                && r.value().contains(Iri.person(bob)), 1, Duration.ofSeconds(30)).get(0);
        Activity like = ActivityJson.read(likeRecord.value());
        assertThat(likeRecord.key()).isEqualTo(id);
        assertThat(like.object().id()).isEqualTo(id);
        assertThat(like.target()).isEqualTo(id);
        assertThat(like.relais()).containsEntry("reaction", "insightful");
        assertThat(like.to()).containsExactly(io.relais.events.Audience.ORGANISATION);
        as(bob).delete("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        Activity undo = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Undo\"")
                && r.value().contains(like.id()), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(undo.object().type()).isEqualTo("Like");
        assertThat(undo.target()).isEqualTo(id);
    }

    @Test
    void commentsHaveTheirOwnReactions() {
        String alice = person("alice");
        String bob = person("bob");
        String id = post(alice, null, "Post");
        String c = as(bob).body(Map.of("content", "Comment")).post("/api/posts/{id}/comments", local(id)).then().statusCode(201)
                .extract().path("id");
        as(alice).body(Map.of("kind", "support")).put("/api/posts/{p}/comments/{c}/reactions/mine", local(id), local(c))
                .then().statusCode(200).body("counts.support", equalTo(1));
        as(alice).get("/api/posts/{id}", local(id)).then().body("comments[0].reactions.support", equalTo(1))
                .body("comments[0].myReaction", equalTo("support")).body("post.reactions.support", nullValue());
        Activity like = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Like\"")
                && r.value().contains(c), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(like.object().id()).isEqualTo(c);
        assertThat(like.target()).isEqualTo(id);
    }

    /**
     * An archived community is read-only: nobody reacts to its posts or comments, changes a reaction or takes one back
     * (409 naming the rule, as a new post there); the counts stay as they were when it was archived.
     */
    @Test
    void nobodyReactsInAnArchivedCommunityNorChangesOrTakesBackAReaction() {
        String owner = person("olga");
        String bob = person("bob");
        String carol = person("carol");
        String slug = community(owner, "public");
        addMember(slug, owner, bob);
        addMember(slug, owner, carol);
        String id = post(bob, slug, "Avant l'archivage");
        String c = as(bob).body(Map.of("content", "Comment")).post("/api/posts/{id}/comments", local(id)).then().statusCode(201)
                .extract().path("id");
        as(bob).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        as(bob).body(Map.of("kind", "like")).put("/api/posts/{p}/comments/{c}/reactions/mine", local(id), local(c))
                .then().statusCode(200);
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        String archived = "community " + slug + " is archived";

        as(carol).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));
        as(bob).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));
        as(bob).delete("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));
        as(carol).body(Map.of("kind", "support")).put("/api/posts/{p}/comments/{c}/reactions/mine", local(id), local(c))
                .then().statusCode(409).contentType("application/problem+json").body("detail", equalTo(archived));
        as(bob).delete("/api/posts/{p}/comments/{c}/reactions/mine", local(id), local(c)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));

        as(bob).get("/api/posts/{id}", local(id)).then().statusCode(200).body("post.reactions.like", equalTo(1))
                .body("post.myReaction", equalTo("like")).body("comments[0].reactions.like", equalTo(1));
    }
}
