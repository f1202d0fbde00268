package io.relais.feed.follow;

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

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FollowTest {

    @Test
    void followingPeopleCommunitiesAndHashtagsIsListedBothWays() {
        String alice = person("alice");
        String bob = person("bob");
        String slug = community(bob, "public");
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204);
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204); // idempotent
        as(alice).put("/api/follows/community/{slug}", slug).then().statusCode(204);
        as(alice).put("/api/follows/hashtag/{tag}", "Atlas").then().statusCode(204);
        as(alice).get("/api/follows/mine").then().statusCode(200)
                .body("persons.login", equalTo(java.util.List.of(bob)))
                .body("communities", equalTo(java.util.List.of(Iri.community(slug))))
                .body("hashtags", hasItem(Iri.hashtag("atlas")));
        as(bob).get("/api/follows/person/{login}/followers", bob).then().statusCode(200)
                .body("count", equalTo(1)).body("followers.login", hasItem(alice));
        as(bob).get("/api/follows/community/{slug}/followers", slug).then().body("followers.login", hasItem(alice));
    }

    @Test
    void followAndUndoArePublishedPerTheContract() {
        String alice = person("alice");
        String bob = person("bob");
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204);
        var rec = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Follow\"")
                && r.value().contains(Iri.person(bob)) && r.value().contains(Iri.person(alice)), 1, Duration.ofSeconds(30)).get(0);
        Activity follow = ActivityJson.read(rec.value());
        assertThat(rec.key()).isEqualTo(Iri.person(alice));
        assertThat(follow.object().id()).isEqualTo(Iri.person(bob));
        assertThat(follow.to()).containsExactly(Iri.person(bob));
        as(alice).delete("/api/follows/person/{login}", bob).then().statusCode(204);
        Activity undo = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Undo\"")
                && r.value().contains(follow.id()), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(undo.object().type()).isEqualTo("Follow");
        assertThat(undo.target()).isEqualTo(Iri.person(bob));
        as(bob).get("/api/follows/person/{login}/followers", bob).then().body("count", equalTo(0))
                .body("followers.login", not(hasItem(alice)));
    }

    @Test
    void badKindsAndSelfFollowsAreProblems() {
        String alice = person("alice");
        as(alice).put("/api/follows/planet/{id}", "mars").then().statusCode(400).body("errors.field", hasItem("kind"));
        as(alice).put("/api/follows/person/{login}", alice).then().statusCode(400).body("errors.field", hasItem("id"));
        as(alice).put("/api/follows/community/{slug}", "no-such-community-" + System.nanoTime()).then().statusCode(404);
    }
}
