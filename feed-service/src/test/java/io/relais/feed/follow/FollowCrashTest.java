package io.relais.feed.follow;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 16: a follow or an unfollow is one write of the follower's document carrying its outbox mark. A crash
 * right after that write (simulated by making it as {@link FollowService} does and stopping there: no roster
 * change, no outbox append) is completed by the next start's re-publication: the followers list is right and
 * the Follow (or its Undo) is published exactly once.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FollowCrashTest {

    @Inject
    FollowService follows;

    @Test
    void aFollowCutByACrashIsListedAndAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        as(alice).get("/api/follows/mine").then().statusCode(200);
        OutboxRecord follow = follows.writeFollow(Iri.person(alice), Iri.person(bob));
        assertThat(follow).isNotNull();
        // the process dies here: the follower's document holds the follow, the roster and the log do not yet
        as(alice).get("/api/follows/mine").then().body("persons.login", hasItem(bob));
        as(bob).get("/api/follows/person/{login}/followers", bob).then().body("count", equalTo(0));
        assertThat(published(follow)).isEmpty();
        assertThat(follows.writeFollow(Iri.person(alice), Iri.person(bob))).as("a replay writes nothing").isNull();

        assertThat(follows.republish(Duration.ZERO)).isGreaterThanOrEqualTo(1); // the next start's pass
        assertThat(follows.republish(Duration.ZERO)).as("a later pass finds nothing left").isZero();
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"id\":\"" + activityId(follow) + "\""),
                1, Duration.ofSeconds(30));
        assertThat(published(follow)).hasSize(1);
        as(bob).get("/api/follows/person/{login}/followers", bob).then().statusCode(200)
                .body("count", equalTo(1)).body("followers.login", hasItem(alice));
        // alice's retry of the cut request changes nothing more
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204);
        as(bob).get("/api/follows/person/{login}/followers", bob).then().body("count", equalTo(1));
    }

    @Test
    void anUnfollowCutByACrashLeavesNobodyListedAndIsAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204);
        as(bob).get("/api/follows/person/{login}/followers", bob).then().body("count", equalTo(1));
        String followActivity = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null
                && r.value().contains("\"Follow\"") && r.value().contains(Iri.person(alice))
                && r.value().contains(Iri.person(bob)), 1, Duration.ofSeconds(30)).get(0).value()).id();

        OutboxRecord undo = follows.writeUnfollow(Iri.person(alice), Iri.person(bob), followActivity);
        assertThat(undo).isNotNull();
        // the process dies here
        assertThat(follows.writeUnfollow(Iri.person(alice), Iri.person(bob), followActivity)).as("a replay writes nothing").isNull();
        assertThat(published(undo)).isEmpty();

        assertThat(follows.republish(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"Undo\"")
                && r.value().contains(followActivity), 1, Duration.ofSeconds(30));
        assertThat(published(undo)).hasSize(1);
        as(bob).get("/api/follows/person/{login}/followers", bob).then().body("count", equalTo(0))
                .body("followers.login", not(hasItem(alice)));
        as(alice).get("/api/follows/mine").then().body("persons.login", not(hasItem(bob)));
    }

    static java.util.List<?> published(OutboxRecord record) {
        return KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null
                && r.value().contains("\"id\":\"" + activityId(record) + "\""));
    }

    static String activityId(OutboxRecord record) {
        return ActivityJson.read(record.payload()).id();
    }
}
