package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.feed.community.Fixtures;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.activity;
import static io.relais.feed.feedview.FeedFixtures.addMember;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.awaitConsumed;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Join requests to a private community, as a tester found them on the running product: a request withdrawn left the
 * managers' "X asks to join" (with an action for a request that no longer existed), asking again at once notified them
 * again without limit, and a declined requester was never told.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class JoinRequestNotificationTest {

    static JsonPath notifications(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    static long joinRequestsFrom(String manager, String requester) {
        return notifications(manager).getList("items.findAll { it.kind == 'join-request' }.actor.login", String.class)
                .stream().filter(requester::equals).count();
    }

    static long unread(String login) {
        return as(login).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    /**
     * Withdrawing (leaving while pending) takes the managers' notification back, unread count included; asking again
     * sooner than the interval is 429 problem+json with Retry-After naming the rule, and stores no new request.
     */
    @Test
    void aWithdrawnRequestIsTakenBackFromTheManagersAndAskingAgainAtOnceIsRefused429() {
        String owner = fresh("owner"), requester = fresh("requester");
        String closed = community(owner, "private");
        long unreadBefore = unread(owner);

        as(requester).post("/api/communities/{s}/join", closed).then().statusCode(200).body("status", equalTo("pending"));
        await().atMost(PATIENCE).until(() -> joinRequestsFrom(owner, requester) == 1 && unread(owner) == unreadBefore + 1);

        as(requester).post("/api/communities/{s}/leave", closed).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> joinRequestsFrom(owner, requester) == 0 && unread(owner) == unreadBefore);

        as(requester).post("/api/communities/{s}/join", closed).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("errors.field", hasItem("slug"))
                .body("errors[0].message", containsString("one join request per person and community every 24 hours"));
        as(requester).get("/api/communities/{s}", closed).then().statusCode(200).body("myStatus", equalTo("none"));
        as(owner).get("/api/communities/{s}/requests", closed).then().statusCode(200).body("size()", equalTo(0));
    }

    /** A refused requester waits the interval too; one approved then gone may ask again at once (a manager decides). */
    @Test
    void aRefusedRequesterWaitsTheIntervalAndAnApprovedMemberWhoLeftMayAskAgain() {
        String owner = fresh("owner"), refused = fresh("refused"), approved = fresh("approved");
        String closed = community(owner, "private");
        as(refused).post("/api/communities/{s}/join", closed).then().statusCode(200);
        as(owner).post("/api/communities/{s}/requests/{l}/reject", closed, refused).then().statusCode(204);
        as(refused).post("/api/communities/{s}/join", closed).then().statusCode(429).contentType("application/problem+json");

        as(approved).post("/api/communities/{s}/join", closed).then().statusCode(200);
        as(owner).post("/api/communities/{s}/requests/{l}/approve", closed, approved).then().statusCode(204);
        as(approved).post("/api/communities/{s}/leave", closed).then().statusCode(204);
        as(approved).post("/api/communities/{s}/join", closed).then().statusCode(200).body("status", equalTo("pending"));
    }

    /** A declined requester is told, with the community's name; never about a community they may not know exists. */
    @Test
    void aDeclinedRequesterIsToldButNeverAboutACommunityTurnedSecret() {
        String owner = fresh("owner"), requester = fresh("requester"), hidden = fresh("hidden");
        String closed = community(owner, "private");
        String turnedSecret = community(owner, "private");

        as(requester).post("/api/communities/{s}/join", closed).then().statusCode(200);
        as(owner).post("/api/communities/{s}/requests/{l}/reject", closed, requester).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(requester).getList("items.kind", String.class)).containsExactly("join-declined"));
        JsonPath told = notifications(requester);
        assertThat(told.getString("items[0].community")).isEqualTo(Iri.community(closed));
        assertThat(told.getString("items[0].communityName")).isEqualTo("Community " + closed);
        assertThat(told.getBoolean("items[0].read")).isFalse();

        // a private community made secret while a request was pending: its refusal must not name it to the requester
        as(hidden).post("/api/communities/{s}/join", turnedSecret).then().statusCode(200);
        as(owner).body(Map.of("visibility", "secret")).put("/api/communities/{s}", turnedSecret).then().statusCode(200);
        as(owner).post("/api/communities/{s}/requests/{l}/reject", turnedSecret, hidden).then().statusCode(204);
        awaitConsumed(NotificationTest.GROUP, activity("Reject", Iri.person(hidden)));
        assertThat(notifications(hidden).getList("items", Object.class)).isEmpty();
        assertThat(as(hidden).get("/api/notifications").asString()).doesNotContain(turnedSecret);
    }

    /** A private community owned by {@code owner} with {@code moderator} made its moderator: two managers told of requests. */
    static String managedBy(String owner, String moderator) {
        String closed = community(owner, "private");
        addMember(owner, closed, "secret", moderator); // by invitation: no request of theirs to count
        await().atMost(PATIENCE).until(() -> notifications(moderator).getList("items.kind", String.class).contains("invitation"));
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{s}/members/{l}/role", closed, moderator)
                .then().statusCode(204);
        return closed;
    }

    /**
     * Once a request is decided (approved by one manager, declined by another, or the requester joins by invitation),
     * every owner and moderator it notified loses its "X asks to join", unread count included: not only the one who
     * decided, and the others no longer hold an action for a request that is gone.
     */
    @Test
    void aDecidedRequestIsTakenBackFromEveryManagerItWasSentTo() {
        String owner = fresh("owner"), moderator = fresh("mod");
        String approved = fresh("approved"), declined = fresh("declined"), invited = person("invited");
        String closed = managedBy(owner, moderator);
        long ownerBefore = unread(owner), moderatorBefore = unread(moderator);

        for (String r : new String[]{approved, declined, invited}) {
            as(r).post("/api/communities/{s}/join", closed).then().statusCode(200).body("status", equalTo("pending"));
        }
        await().atMost(PATIENCE).until(() -> unread(owner) == ownerBefore + 3 && unread(moderator) == moderatorBefore + 3
                && joinRequestsFrom(owner, invited) == 1 && joinRequestsFrom(moderator, invited) == 1);

        as(moderator).post("/api/communities/{s}/requests/{l}/approve", closed, approved).then().statusCode(204);
        as(owner).post("/api/communities/{s}/requests/{l}/reject", closed, declined).then().statusCode(204);
        as(owner).body(Map.of("login", invited)).post("/api/communities/{s}/invitations", closed).then().statusCode(204);
        as(invited).post("/api/communities/{s}/invitations/mine/accept", closed).then().statusCode(204);

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String manager : new String[]{owner, moderator}) {
                assertThat(notifications(manager).getList("items.findAll { it.kind == 'join-request' }.actor.login", String.class))
                        .as("%s's join-request notifications", manager).doesNotContain(approved, declined, invited);
            }
            assertThat(unread(owner)).isEqualTo(ownerBefore);
            assertThat(unread(moderator)).isEqualTo(moderatorBefore);
        });
        // the requesters were told as before
        await().atMost(PATIENCE).until(() -> notifications(approved).getList("items.kind", String.class).contains("approval")
                && notifications(declined).getList("items.kind", String.class).contains("join-declined"));
    }

    /**
     * A pending request from someone who has since left the company (profile-service's snapshot says status left) is
     * not approved: 400 problem+json naming login, like an invitation of a leaver; the request is closed and every
     * manager's notification of it taken back.
     */
    /**
     * A manager who imports a pending requester (a bulk import answers their request by membership) takes their
     * "X asks to join" back from every manager, as an approval does. Before, the import let them in but the
     * notifications stayed, with an action for a request that no longer existed.
     */
    @Test
    void importingAPendingRequesterTakesTheirRequestBack() {
        String owner = fresh("owner"), moderator = fresh("mod");
        String requester = person("imported"); // a person feed-service knows: imports refuse unknown logins
        String closed = managedBy(owner, moderator);
        long ownerBefore = unread(owner), moderatorBefore = unread(moderator);

        as(requester).post("/api/communities/{s}/join", closed).then().statusCode(200).body("status", equalTo("pending"));
        await().atMost(PATIENCE).until(() -> joinRequestsFrom(owner, requester) == 1 && joinRequestsFrom(moderator, requester) == 1);

        as(owner).body(Map.of("logins", java.util.List.of(requester))).post("/api/communities/{s}/members", closed)
                .then().statusCode(200).body("added", equalTo(1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(joinRequestsFrom(owner, requester)).isZero();
            assertThat(joinRequestsFrom(moderator, requester)).isZero();
            assertThat(unread(owner)).isEqualTo(ownerBefore);
            assertThat(unread(moderator)).isEqualTo(moderatorBefore);
        });
    }

    @Test
    void approvingSomeoneWhoLeftIsRefused400AndTheirRequestIsTakenBack() {
        String owner = fresh("owner"), moderator = fresh("mod"), gone = person("gone");
        String closed = managedBy(owner, moderator);
        long ownerBefore = unread(owner), moderatorBefore = unread(moderator);

        as(gone).post("/api/communities/{s}/join", closed).then().statusCode(200).body("status", equalTo("pending"));
        await().atMost(PATIENCE).until(() -> joinRequestsFrom(owner, gone) == 1 && joinRequestsFrom(moderator, gone) == 1);
        Fixtures.publishLeft(gone);

        as(moderator).post("/api/communities/{s}/requests/{l}/approve", closed, gone).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("login"))
                .body("errors[0].message", containsString("'" + gone + "' has left the company"));
        as(owner).get("/api/communities/{s}/members", closed).then().statusCode(200).body("count", equalTo(2));
        as(owner).get("/api/communities/{s}/requests", closed).then().statusCode(200).body("size()", equalTo(0));
        await().atMost(PATIENCE).until(() -> joinRequestsFrom(owner, gone) == 0 && joinRequestsFrom(moderator, gone) == 0
                && unread(owner) == ownerBefore && unread(moderator) == moderatorBefore);
    }
}
