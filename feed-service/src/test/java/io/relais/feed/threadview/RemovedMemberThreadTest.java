package io.relais.feed.threadview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.feedview.FeedFixtures;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A member removed from a private community no longer reads, comments on, reacts to or edits even the threads they
 * started there (docs/SECURITY.md: members may not act in a community they are not in); they may still delete their
 * own words. Each answer is the one an outsider gets: 404 problem+json, nothing of the thread.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RemovedMemberThreadTest {

    /** Alice owns private community atlas; bob wrote a post there, then alice removed him and commented on it. */
    record Atlas(String alice, String bob, String slug, String bobsPost, String alicesComment) {
        static Atlas afterRemoval() {
            String alice = person("alice");
            String bob = person("bob");
            String slug = community(alice, "private");
            addMember(slug, alice, bob);
            String bobsPost = post(bob, slug, "Plan du projet atlas");
            as(bob).get("/api/posts/{id}", local(bobsPost)).then().statusCode(200); // positive control: a member reads it
            as(alice).delete("/api/communities/{slug}/members/{login}", slug, bob).then().statusCode(204);
            String comment = as(alice).body(Map.of("content", "Réponse confidentielle kwazimbo"))
                    .post("/api/posts/{id}/comments", local(bobsPost)).then().statusCode(201).extract().path("id");
            return new Atlas(alice, bob, slug, bobsPost, comment);
        }
    }

    @Test
    void aRemovedMemberNoLongerReadsTheThreadTheyStarted() {
        Atlas a = Atlas.afterRemoval();
        String body = as(a.bob()).get("/api/posts/{id}", local(a.bobsPost())).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        assertThat(body).doesNotContain("kwazimbo");
        as(a.bob()).get("/api/posts/{id}/reactions", local(a.bobsPost())).then().statusCode(404);
        // the owner still reads it, with her comment
        as(a.alice()).get("/api/posts/{id}", local(a.bobsPost())).then().statusCode(200)
                .body("comments[0].content", containsString("kwazimbo"));
    }

    @Test
    void aRemovedMemberCannotCommentOnTheThreadTheyStarted() {
        Atlas a = Atlas.afterRemoval();
        as(a.bob()).body(Map.of("content", "Encore moi")).post("/api/posts/{id}/comments", local(a.bobsPost()))
                .then().statusCode(404).contentType("application/problem+json");
        as(a.alice()).get("/api/posts/{id}", local(a.bobsPost())).then().statusCode(200).body("comments.size()", equalTo(1));
    }

    @Test
    void aRemovedMemberCannotEditThePostTheyWrote() {
        Atlas a = Atlas.afterRemoval();
        as(a.bob()).body(Map.of("content", "Texte changé")).put("/api/posts/{id}", local(a.bobsPost()))
                .then().statusCode(404).contentType("application/problem+json");
        as(a.alice()).get("/api/posts/{id}", local(a.bobsPost())).then().statusCode(200)
                .body("post.content", containsString("Plan du projet atlas"));
    }

    @Test
    void aRemovedMemberCannotReactInTheThreadTheyStarted() {
        Atlas a = Atlas.afterRemoval();
        as(a.bob()).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(a.bobsPost()))
                .then().statusCode(404).contentType("application/problem+json");
        as(a.bob()).body(Map.of("kind", "like"))
                .put("/api/posts/{id}/comments/{c}/reactions/mine", local(a.bobsPost()), Iri.localId(a.alicesComment()))
                .then().statusCode(404);
    }

    @Test
    void aRemovedMemberNoLongerGetsTheActivityOfTheirPost() {
        Atlas a = Atlas.afterRemoval();
        String create = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                FeedFixtures.activity(As2.CREATE, a.bobsPost()), 1, Duration.ofSeconds(40)).get(0).value()).id();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                as(a.alice()).get("/api/activities/{id}", Iri.localId(create)).then().statusCode(200));
        as(a.bob()).get("/api/activities/{id}", Iri.localId(create)).then().statusCode(404);
    }

    @Test
    void aRemovedMemberMayStillDeleteThePostTheyWrote() {
        Atlas a = Atlas.afterRemoval();
        as(a.bob()).delete("/api/posts/{id}", local(a.bobsPost())).then().statusCode(204);
        as(a.alice()).get("/api/posts/{id}", local(a.bobsPost())).then().statusCode(404);
    }

    @Test
    void aRemovedMemberMayStillDeleteTheirOwnCommentButNoOneElses() {
        String alice = person("alice");
        String bob = person("bob");
        String slug = community(alice, "private");
        addMember(slug, alice, bob);
        String alicesPost = post(alice, slug, "Sujet d'atlas");
        String bobs = as(bob).body(Map.of("content", "Mon avis")).post("/api/posts/{id}/comments", local(alicesPost))
                .then().statusCode(201).extract().path("id");
        String hers = as(alice).body(Map.of("content", "Le mien")).post("/api/posts/{id}/comments", local(alicesPost))
                .then().statusCode(201).extract().path("id");
        as(alice).delete("/api/communities/{slug}/members/{login}", slug, bob).then().statusCode(204);

        as(bob).delete("/api/posts/{id}/comments/{c}", local(alicesPost), Iri.localId(hers)).then().statusCode(404);
        as(bob).delete("/api/posts/{id}/comments/{c}", local(alicesPost), Iri.localId(bobs)).then().statusCode(204);
        as(alice).get("/api/posts/{id}", local(alicesPost)).then().statusCode(200).body("comments.size()", equalTo(1));
    }
}
