package io.relais.feed.notification;

import io.relais.feed.feedview.FeedFixtures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.activity;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.awaitConsumed;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NotificationTest {

    static final String GROUP = "feed-service-notifications";

    static JsonPath notifications(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    static long unread(String login) {
        return as(login).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    static String comment(String login, String post, String content) {
        return as(login).body(Map.of("content", content)).post("/api/posts/{id}/comments", Iri.localId(post))
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aLoginWithUnderscoresAfterADotIsMentionedWholeAndNotified() {
        // Markdown would read "._dupont_." as emphasis: the mention was cut to "jean", nobody was notified
        String author = fresh("author"), jean = FeedFixtures.person("jean._dupont_.x");
        String post = post(author, "Bienvenue @" + jean + " dans l'équipe _Atlas_ !", null);
        as(author).get("/api/posts/{id}", Iri.localId(post)).then().statusCode(200)
                .body("post.mentions", equalTo(List.of(Iri.person(jean))));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(jean).getList("items.kind", String.class)).containsExactly("mention"));
        assertThat(notifications(jean).getString("items[0].object")).isEqualTo(post);
    }

    @Test
    void mentionsRepliesAndReactionsNotifyTheRightPeopleButNeverTheActor() {
        String author = fresh("author"), colleague = FeedFixtures.person("colleague"), fan = fresh("fan");
        String post = post(author, "<p>Qui vient à l'atelier ? @" + colleague + "</p>", null);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(colleague).getList("items.kind", String.class)).containsExactly("mention"));
        assertThat(notifications(colleague).getString("items[0].object")).isEqualTo(post);
        assertThat(notifications(colleague).getString("items[0].actor.login")).isEqualTo(author);

        String reply = comment(colleague, post, "<p>Moi !</p>");
        as(fan).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", Iri.localId(post))
                .then().statusCode(200);
        as(author).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", Iri.localId(post))
                .then().statusCode(200); // reacting to one's own post notifies nobody

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(author).getList("items.kind", String.class))
                        .containsExactlyInAnyOrder("reply", "reaction"));
        JsonPath mine = notifications(author);
        assertThat(mine.getList("items.findAll { it.kind == 'reply' }.object", String.class)).containsExactly(reply);
        assertThat(mine.getList("items.findAll { it.kind == 'reaction' }.detail", String.class)).containsExactly("celebrate");
        assertThat(mine.getList("items.findAll { it.kind == 'reaction' }.actor.login", String.class)).containsExactly(fan);
        awaitConsumed(GROUP, r -> r.value().contains("\"type\":\"Like\"") && r.value().contains(Iri.person(author))
                && r.value().contains(post));
        assertThat(unread(author)).isEqualTo(2);
        assertThat(notifications(colleague).getList("items.kind", String.class)).containsExactly("mention");
        assertThat(notifications(fan).getList("items")).isEmpty();
    }

    @Test
    void unreadCountFollowsMarkingOneAndAllRead() {
        String author = fresh("author"), a = fresh("a"), b = fresh("b"), c = fresh("c");
        String post = post(author, "<p>Proposition de date pour la rétro</p>", null);
        for (String commenter : List.of(a, b, c)) comment(commenter, post, "<p>ok pour moi</p>");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unread(author)).isEqualTo(3));

        String first = notifications(author).getString("items[0].id");
        as(author).post("/api/notifications/{id}/read", first).then().statusCode(204);
        as(author).post("/api/notifications/{id}/read", first).then().statusCode(204); // idempotent
        assertThat(unread(author)).isEqualTo(2);
        assertThat(notifications(author).getBoolean("items[0].read")).isTrue();
        assertThat(notifications(author).getList("items.read", Boolean.class)).containsExactly(true, false, false);

        as(author).post("/api/notifications/read-all").then().statusCode(204);
        assertThat(unread(author)).isZero();
        assertThat(notifications(author).getList("items.read", Boolean.class)).containsOnly(true);
        // someone else's notification, or a made-up id, is not found
        as(a).post("/api/notifications/{id}/read", first).then().statusCode(404);
        as(author).post("/api/notifications/{id}/read", "nonsense").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** What a page asks to show one notification back in the list: mine as listed, read once marked; nobody else's. */
    @Test
    void oneNotificationIsReadAsMyListShowsItAndNobodyElsesIsFound() {
        String author = fresh("author"), colleague = FeedFixtures.person("colleague"), other = fresh("other");
        post(author, "<p>Relecture du contrat pour @" + colleague + "</p>", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unread(colleague)).isEqualTo(1));
        String id = notifications(colleague).getString("items[0].id");

        as(colleague).get("/api/notifications/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("kind", equalTo("mention")).body("read", equalTo(false))
                .body("actor.login", equalTo(author)).body("excerpt", equalTo("Relecture du contrat pour @" + colleague));
        as(colleague).post("/api/notifications/read-all").then().statusCode(204);
        as(colleague).get("/api/notifications/{id}", id).then().statusCode(200).body("read", equalTo(true));
        as(other).get("/api/notifications/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        as(colleague).get("/api/notifications/{id}", "not-an-id").then().statusCode(404);
    }

    @Test
    void mutedThreadsAndCommunitiesAreNotNotified() {
        String author = fresh("author"), talker = fresh("talker");
        String slug = community(author, "public", talker);
        String mutedThread = post(author, "<p>Fil très bavard</p>", null);
        String inMutedCommunity = post(author, "<p>Dans la communauté</p>", slug);
        String open = post(author, "<p>Fil normal</p>", null);
        as(author).put("/api/notifications/mutes/thread/{id}", Iri.localId(mutedThread)).then().statusCode(204);
        as(author).put("/api/notifications/mutes/community/{slug}", slug).then().statusCode(204);
        as(author).get("/api/notifications/mutes").then().statusCode(200)
                .body("mutes.size()", equalTo(2));

        String c1 = comment(talker, mutedThread, "<p>encore moi</p>");
        String c2 = comment(talker, inMutedCommunity, "<p>et moi</p>");
        String c3 = comment(talker, open, "<p>bonjour</p>");
        awaitConsumed(GROUP, activity(As2.CREATE, c1));
        awaitConsumed(GROUP, activity(As2.CREATE, c2));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(author).getList("items.object", String.class)).contains(c3));
        assertThat(notifications(author).getList("items.object", String.class)).containsExactly(c3);

        as(author).delete("/api/notifications/mutes/thread/{id}", Iri.localId(mutedThread)).then().statusCode(204);
        String c4 = comment(talker, mutedThread, "<p>de retour</p>");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(author).getList("items.object", String.class)).contains(c4));
        as(author).put("/api/notifications/mutes/{kind}/{id}", "planet", "x").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void mutingAThreadOrCommunityOneMayNotSeeIsNotFoundAndNothingIsStored() {
        String owner = fresh("owner"), outsider = fresh("outsider");
        String secret = community(owner, "secret");
        String hidden = post(owner, "<p>Entre nous</p>", secret);
        as(outsider).put("/api/notifications/mutes/thread/{id}", Iri.localId(hidden)).then().statusCode(404)
                .contentType("application/problem+json");
        as(outsider).put("/api/notifications/mutes/thread/{id}", "01a22ce9-0000-7000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        as(outsider).put("/api/notifications/mutes/community/{slug}", secret).then().statusCode(404)
                .contentType("application/problem+json");
        as(outsider).put("/api/notifications/mutes/community/{slug}", "no-such-community-here").then().statusCode(404)
                .contentType("application/problem+json");
        as(outsider).get("/api/notifications/mutes").then().statusCode(200).body("mutes.size()", equalTo(0));
    }

    @Test
    void unmutingSomethingNotMutedIsIdempotent() {
        String someone = fresh("someone");
        as(someone).delete("/api/notifications/mutes/thread/{id}", "01a22ce9-0000-7000-0000-000000000000").then().statusCode(204);
        as(someone).delete("/api/notifications/mutes/community/{slug}", "no-such-community-here").then().statusCode(204);
    }

    @Test
    void joinRequestsGoToModeratorsAndApprovalsAndInvitationsToThePersonConcerned() {
        String owner = fresh("owner"), requester = fresh("requester"), invitee = io.relais.feed.community.Fixtures.known(fresh("invitee"));
        String closed = community(owner, "private");
        String secret = community(owner, "secret");

        as(requester).post("/api/communities/{s}/join", closed).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(notifications(owner).getList("items.kind", String.class)).contains("join-request"));
        assertThat(notifications(owner).getString("items.find { it.kind == 'join-request' }.actor.login")).isEqualTo(requester);
        assertThat(notifications(owner).getString("items.find { it.kind == 'join-request' }.community"))
                .isEqualTo(Iri.community(closed));

        as(owner).post("/api/communities/{s}/requests/{l}/approve", closed, requester).then().statusCode(204);
        as(owner).body(Map.of("login", invitee)).post("/api/communities/{s}/invitations", secret).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notifications(requester).getList("items.kind", String.class)).containsExactly("approval");
            assertThat(notifications(invitee).getList("items.kind", String.class)).containsExactly("invitation");
        });
        assertThat(notifications(invitee).getString("items[0].community")).isEqualTo(Iri.community(secret));
    }
}
