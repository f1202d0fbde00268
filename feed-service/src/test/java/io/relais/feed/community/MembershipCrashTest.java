package io.relais.feed.community;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 16: a join, a role change and a leave are each one write of the person's membership document carrying
 * the outbox mark of their Join or Leave. A crash right after that write (simulated by making it as
 * {@link MembershipService} does and stopping there: no roster change, no owners/moderators update, no outbox
 * append) is completed by the next start's re-publication: the roster count, the member list and the
 * community's moderators are right, and the activity is published exactly once.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MembershipCrashTest {

    @Inject
    MembershipService memberships;

    @Inject
    CommunityStore store;

    @Test
    void aJoinCutByACrashIsCountedListedAndAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        String slug = community(alice, "public");
        Community c = store.find(Iri.community(slug)).orElseThrow();
        Activity join = CommunityService.join(Iri.person(bob), c, Role.MEMBER);
        MembershipService.Put put = memberships.writePut(Iri.person(bob), c.iri(), Role.MEMBER, isNew -> join);
        assertThat(put.added()).isTrue();
        // the process dies here: bob's document says member, the roster and the log do not yet
        assertThat(memberships.memberCount(c.iri())).isEqualTo(1);
        assertThat(published(join)).isEmpty();
        assertThat(memberships.writePut(Iri.person(bob), c.iri(), Role.MEMBER, isNew -> isNew ? join : null).added())
                .as("a replay adds nothing").isFalse();

        assertThat(memberships.republish(Duration.ZERO)).isGreaterThanOrEqualTo(1); // the next start's pass
        assertThat(memberships.republish(Duration.ZERO)).as("a later pass finds nothing left").isZero();
        awaitPublished(join);
        assertThat(memberships.memberCount(c.iri())).isEqualTo(2);
        as(alice).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("count", equalTo(2)).body("members.person.login", hasItem(bob));
        // bob's retry of the cut request changes nothing more
        as(bob).post("/api/communities/{slug}/join", slug);
        assertThat(memberships.memberCount(c.iri())).isEqualTo(2);
    }

    @Test
    void aRoleChangeCutByACrashReachesTheCommunityAndIsAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        String slug = community(alice, "public");
        Fixtures.addMember(slug, alice, bob);
        Community c = store.find(Iri.community(slug)).orElseThrow();
        Activity promoted = CommunityService.join(Iri.person(bob), c, Role.MODERATOR);
        MembershipService.Put put = memberships.writePut(Iri.person(bob), c.iri(), Role.MODERATOR, isNew -> promoted);
        assertThat(put.written()).isTrue();
        assertThat(put.added()).isFalse();
        // the process dies here: bob's document says moderator, the community document does not yet
        assertThat(memberships.moderatorsOf(c.iri())).doesNotContain(Iri.person(bob));

        assertThat(memberships.republish(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        awaitPublished(promoted);
        assertThat(memberships.moderatorsOf(c.iri())).contains(Iri.person(bob));
        assertThat(memberships.memberCount(c.iri())).isEqualTo(2);
        as(alice).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(2));
    }

    @Test
    void aLeaveCutByACrashLeavesNobodyCountedAndIsAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        String slug = community(alice, "public");
        Fixtures.addMember(slug, alice, bob);
        Community c = store.find(Iri.community(slug)).orElseThrow();
        assertThat(memberships.memberCount(c.iri())).isEqualTo(2);
        Activity leave = CommunityService.leaveActivity(Iri.person(bob), c, null);
        MembershipService.Removed removed = memberships.writeRemove(Iri.person(bob), c.iri(), leave);
        assertThat(removed.removed()).isTrue();
        // the process dies here: bob's document no longer holds the community, the roster still counts him
        assertThat(memberships.writeRemove(Iri.person(bob), c.iri(), leave).removed()).as("a replay removes nothing").isFalse();
        assertThat(published(leave)).isEmpty();

        assertThat(memberships.republish(Duration.ZERO)).isGreaterThanOrEqualTo(1);
        awaitPublished(leave);
        assertThat(memberships.memberCount(c.iri())).isEqualTo(1);
        as(alice).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("count", equalTo(1)).body("members.person.login", not(hasItem(bob)));
    }

    static List<?> published(Activity a) {
        return KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"id\":\"" + a.id() + "\""));
    }

    /** Waits for the activity on the log, then checks it is there exactly once. */
    static void awaitPublished(Activity a) {
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"id\":\"" + a.id() + "\""), 1,
                Duration.ofSeconds(30));
        assertThat(published(a)).hasSize(1);
        assertThat(ActivityJson.read(String.valueOf(KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null
                && r.value().contains("\"id\":\"" + a.id() + "\"")).get(0).value())).type()).isEqualTo(a.type());
    }
}
