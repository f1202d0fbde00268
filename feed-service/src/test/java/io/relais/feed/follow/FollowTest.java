package io.relais.feed.follow;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.Topics;
import io.relais.feed.community.Roster;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.store;
import static io.relais.feed.community.Fixtures.unknownPerson;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FollowTest {

    @Inject
    FollowService follows;

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

    /**
     * A person feed-service does not know (profile-service never published them, or erased them) cannot be followed:
     * 404 naming them, as an unknown community, with no follow stored and no Follow published. It used to be a 204, a
     * stored follow of nobody listed by {@code /api/follows/mine}, and a Follow on the log.
     */
    @Test
    void followingSomeoneNobodyPublishedOrWhoWasErasedIs404AndStoresAndPublishesNothing() {
        String alice = person("alice");
        String bob = person("bob");
        String erased = person("erased");
        Activity erasure = PersonErasure.delete(Iri.person(erased), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(erased), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(erasure),
                PersonErasure.CE_TYPE, CloudEventAttributes.PROFILE_SOURCE, Iri.person(erased)), ActivityJson.writeString(erasure));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                store().getCollection("profiles").find(new Document("_id", Iri.person(erased))).first() == null);

        List<String> nobodies = List.of("ghost-login-42", unknownPerson("ghost"), erased);
        for (String nobody : nobodies) {
            as(alice).put("/api/follows/person/{login}", nobody).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString(nobody));
            as(alice).get("/api/follows/person/{login}/followers", nobody).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(alice).put("/api/follows/person/{login}", bob).then().statusCode(204);

        as(alice).get("/api/follows/mine").then().statusCode(200).body("persons.login", equalTo(List.of(bob)));
        List<String> stored = store().getCollection("follows").find(new Document("_id", Iri.person(alice))).first()
                .getList("f", Document.class).stream().map(e -> e.getString("iri")).toList();
        assertThat(stored).containsExactly(Iri.person(bob));
        // a follow's activities are keyed by the follower: once bob's Follow is on the log, a ghost's would be before it
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Follow\"") && r.value().contains(Iri.person(alice))
                && r.value().contains(Iri.person(bob)), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains(Iri.person(alice))
                && nobodies.stream().anyMatch(n -> r.value().contains(Iri.person(n))))).isEmpty();
    }

    /**
     * A secret community's follow is its members': the tester saw bob, removed by its owner, still listing
     * {@code urn:relais:community:<its slug>} in {@code /api/follows/mine} and listed among its followers. Removal ends
     * the follow (the Undo on the log, by him, like his own unfollow).
     */
    @Test
    void removalFromASecretCommunityEndsTheFollowOfIt() {
        String alice = person("alice");
        String bob = person("bob");
        String slug = community(alice, "secret");
        addMember(slug, alice, bob);
        as(bob).put("/api/follows/community/{slug}", slug).then().statusCode(204);
        as(bob).get("/api/follows/mine").then().body("communities", equalTo(List.of(Iri.community(slug))));
        as(alice).get("/api/follows/community/{slug}/followers", slug).then().body("followers.login", equalTo(List.of(bob)));
        String followId = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Follow\"")
                && r.value().contains(Iri.person(bob)) && r.value().contains(Iri.community(slug)), 1, Duration.ofSeconds(30))
                .stream().map(r -> ActivityJson.read(r.value()).id()).findFirst().orElseThrow();

        as(alice).delete("/api/communities/{slug}/members/{login}", slug, bob).then().statusCode(204);

        as(bob).get("/api/follows/mine").then().statusCode(200).body("communities", equalTo(List.of()));
        as(alice).get("/api/follows/community/{slug}/followers", slug).then().statusCode(200)
                .body("count", equalTo(0)).body("followers.login", not(hasItem(bob)));
        Activity undo = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Undo\"")
                && r.value().contains(followId), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(undo.actor()).isEqualTo(Iri.person(bob));
        assertThat(undo.target()).isEqualTo(Iri.community(slug));
        assertThat(undo.to()).containsExactly(Iri.community(slug));
    }

    /** Leaving a private community ends its follow; a public community's follow outlives the membership (anyone may follow it). */
    @Test
    void leavingAPrivateCommunityEndsItsFollowAndAPublicOnesStays() {
        String alice = person("alice");
        String bob = person("bob");
        String priv = community(alice, "private");
        String pub = community(alice, "public");
        addMember(priv, alice, bob);
        addMember(pub, alice, bob);
        as(bob).put("/api/follows/community/{slug}", priv).then().statusCode(204);
        as(bob).put("/api/follows/community/{slug}", pub).then().statusCode(204);

        as(bob).post("/api/communities/{slug}/leave", priv).then().statusCode(204);
        as(bob).post("/api/communities/{slug}/leave", pub).then().statusCode(204);

        as(bob).get("/api/follows/mine").then().statusCode(200).body("communities", equalTo(List.of(Iri.community(pub))));
        as(alice).get("/api/follows/community/{slug}/followers", priv).then().body("count", equalTo(0));
        as(alice).get("/api/follows/community/{slug}/followers", pub).then().body("followers.login", equalTo(List.of(bob)));
    }

    /**
     * Only members follow a private or secret community (its posts are theirs alone): anyone else, an invitee of a
     * secret one included, gets 403 naming {@code id}, nothing stored; one who may not know a secret one, its 404.
     */
    @Test
    void onlyMembersFollowAPrivateOrSecretCommunity() {
        String alice = person("alice");
        String carol = person("carol");
        String dave = person("dave");
        String priv = community(alice, "private");
        String secret = community(alice, "secret");
        as(alice).body(java.util.Map.of("login", carol)).post("/api/communities/{slug}/invitations", secret).then().statusCode(204);

        as(carol).put("/api/follows/community/{slug}", priv).then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        as(carol).put("/api/follows/community/{slug}", secret).then().statusCode(403).body("errors[0].field", equalTo("id"));
        as(dave).put("/api/follows/community/{slug}", secret).then().statusCode(404);
        as(carol).get("/api/follows/mine").then().body("communities", equalTo(List.of()));
        assertThat(store().getCollection("follows").find(new Document("_id", Iri.person(carol))).first()).isNull();

        addMember(priv, alice, carol);
        as(carol).put("/api/follows/community/{slug}", priv).then().statusCode(204);
        as(carol).get("/api/follows/mine").then().body("communities", equalTo(List.of(Iri.community(priv))));
    }

    /** A private community's followers are some of its members: listed to whom may list its members, nobody else. */
    @Test
    void aPrivateCommunitysFollowersAreListedOnlyToWhomMaySeeItsMembers() {
        String alice = person("alice");
        String bob = person("bob");
        String outsider = person("outsider");
        String priv = community(alice, "private");
        addMember(priv, alice, bob);
        as(bob).put("/api/follows/community/{slug}", priv).then().statusCode(204);

        as(outsider).get("/api/follows/community/{slug}/followers", priv).then().statusCode(404);
        as(outsider).get("/api/communities/{slug}/members", priv).then().statusCode(404);
        as(bob).get("/api/follows/community/{slug}/followers", priv).then().statusCode(200)
                .body("followers.login", hasItem(bob));
        as(person("cm"), "employee", "community-manager").get("/api/follows/community/{slug}/followers", priv)
                .then().statusCode(200).body("count", equalTo(1));
        String pub = community(alice, "public");
        as(outsider).get("/api/follows/community/{slug}/followers", pub).then().statusCode(200);
    }

    /**
     * A public community with nothing published yet may be made private (CommunityService.requireNoPublicContentBehind):
     * then, as for any private one, only its members follow it; the others' follows end.
     */
    @Test
    void aPublicCommunityMadePrivateKeepsOnlyItsMembersFollows() {
        String alice = person("alice");
        String bob = person("bob");
        String carol = person("carol");
        String slug = community(alice, "public");
        addMember(slug, alice, bob);
        as(bob).put("/api/follows/community/{slug}", slug).then().statusCode(204);
        as(carol).put("/api/follows/community/{slug}", slug).then().statusCode(204);

        as(alice).body(java.util.Map.of("visibility", "private")).put("/api/communities/{slug}", slug).then().statusCode(200);

        as(carol).get("/api/follows/mine").then().body("communities", equalTo(List.of()));
        as(bob).get("/api/follows/mine").then().body("communities", equalTo(List.of(Iri.community(slug))));
        as(alice).get("/api/follows/community/{slug}/followers", slug).then().body("followers.login", equalTo(List.of(bob)));
    }

    /**
     * A non-member's follow of a private community, as a crash between a community's closing and the end of its
     * non-members' follows, or a follow stored before only members could follow, leaves it (the person's
     * {@code follows} entry and the followers roster entry): listed by {@code /api/follows/mine}, which names the
     * community, and counted among its followers. The sweep after start ends it, with its Undo on the log; a member's
     * follow of it and a non-member's follow of a public community stay. Repeating the sweep ends nothing more.
     */
    @Test
    void theSweepAfterStartEndsANonMembersStoredFollowOfAPrivateCommunity() {
        follows.periodically(); // the scheduled once-after-start sweep, done (or waited for) now: not in the middle of this test
        String alice = person("alice");
        String bob = person("bob");
        String carol = person("carol");
        String priv = community(alice, "private");
        String pub = community(alice, "public");
        addMember(priv, alice, bob);
        as(bob).put("/api/follows/community/{slug}", priv).then().statusCode(204);
        as(carol).put("/api/follows/community/{slug}", pub).then().statusCode(204);
        String stale = Iri.of(Iri.ACTIVITY, EventId.next());
        store().getCollection("follows").updateOne(new Document("_id", Iri.person(carol)),
                new Document("$push", new Document("f", new Document("iri", Iri.community(priv)).append("activity", stale))));
        new Roster(store(), "followers", 1000).add(Iri.community(priv), Iri.person(carol));
        as(carol).get("/api/follows/mine").then().body("communities", hasItem(Iri.community(priv)));
        as(alice).get("/api/follows/community/{slug}/followers", priv).then().body("count", equalTo(2));

        int ended = follows.endFollowsOfNonMembers();

        as(carol).get("/api/follows/mine").then().statusCode(200).body("communities", equalTo(List.of(Iri.community(pub))));
        as(alice).get("/api/follows/community/{slug}/followers", priv).then().statusCode(200)
                .body("count", equalTo(1)).body("followers.login", equalTo(List.of(bob)));
        as(alice).get("/api/follows/community/{slug}/followers", pub).then().body("followers.login", equalTo(List.of(carol)));
        as(bob).get("/api/follows/mine").then().body("communities", equalTo(List.of(Iri.community(priv))));
        Activity undo = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Undo\"")
                && r.value().contains(stale), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(undo.actor()).isEqualTo(Iri.person(carol));
        assertThat(undo.target()).isEqualTo(Iri.community(priv));
        assertThat(ended).isGreaterThanOrEqualTo(1);

        assertThat(follows.endFollowsOfNonMembers()).as("a second sweep finds nothing left").isZero();
        as(alice).get("/api/follows/community/{slug}/followers", priv).then().body("count", equalTo(1));
    }
}
