package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.addMember;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.awaitConsumed;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reaction taken back takes its notification back from the author (list and unread count), announces the take-back
 * on the notifications topic for live push, and like → unlike → like leaves one notification, never two — also when
 * the log is replayed.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReactionTakeBackTest {

    static JsonPath notifications(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    static long unread(String login) {
        return as(login).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    static void react(String login, String post, String kind) {
        as(login).body(Map.of("kind", kind)).put("/api/posts/{id}/reactions/mine", Iri.localId(post)).then().statusCode(200);
    }

    static void unreact(String login, String post) {
        as(login).delete("/api/posts/{id}/reactions/mine", Iri.localId(post)).then().statusCode(200);
    }

    static List<String> reactionDetails(String login) {
        return notifications(login).getList("items.findAll { it.kind == 'reaction' }.detail", String.class);
    }

    /** The reaction activities (Likes and their Undos) of a person about a post, in log order. */
    static Predicate<ConsumerRecord<String, String>> reactionOf(String login, String post) {
        return r -> r.value() != null && (r.value().contains("\"type\":\"Like\"") || r.value().contains("\"type\":\"Undo\""))
                && r.value().contains(Iri.person(login)) && r.value().contains(post);
    }

    @Test
    void aReactionTakenBackLeavesTheAuthorsNotificationsAndUnreadCount() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Nouveau logo de l'équipe</p>", null);
        react(fan, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        assertThat(unread(author)).isEqualTo(1);

        unreact(fan, post);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notifications(author).getList("items")).isEmpty();
            assertThat(unread(author)).isZero();
        });
    }

    @Test
    void aTakeBackIsAnnouncedToLivePushKeyedByTheRecipientWithTheLoweredCount() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Résultats du trimestre</p>", null);
        react(fan, post, "celebrate");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("celebrate"));
        String id = notifications(author).getString("items[0].id");

        unreact(fan, post);

        ConsumerRecord<String, String> notice = KafkaProbe.awaitRecords(Topics.NOTIFICATIONS,
                r -> Iri.person(author).equals(r.key()) && r.value().contains("\"taken-back\""), 1, PATIENCE).get(0);
        assertThat(notice.value()).contains("\"ids\":[\"" + id + "\"]").contains("\"unread\":0");
    }

    /**
     * Like → (the author reads it) → unlike → like again: the new like is news to the author, so its notification
     * comes back unread and counted, and is listed once — whether it was read one by one or with "mark all read".
     */
    @Test
    void aLikeAfterAnUnlikeOfAReadNotificationComesBackUnreadAndListedOnce() {
        String author = fresh("author"), fan = fresh("fan"), other = fresh("fan");
        String post = post(author, "<p>Pot de départ vendredi</p>", null);
        react(fan, post, "like");
        react(other, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like", "like"));
        String fans = "items.findAll { it.kind == 'reaction' && it.actor.iri == '" + Iri.person(fan) + "' }";
        String others = "items.findAll { it.kind == 'reaction' && it.actor.iri == '" + Iri.person(other) + "' }";
        as(author).post("/api/notifications/{id}/read", notifications(author).getString(fans + "[0].id")).then().statusCode(204);
        as(author).post("/api/notifications/read-all").then().statusCode(204);
        unreact(fan, post);
        unreact(other, post);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).isEmpty());

        react(fan, post, "like");
        react(other, post, "celebrate");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactlyInAnyOrder("like", "celebrate"));
        assertThat(notifications(author).getList(fans + ".read", Boolean.class)).containsExactly(false);
        assertThat(notifications(author).getList(others + ".read", Boolean.class)).containsExactly(false);
        assertThat(unread(author)).isEqualTo(2);
    }

    /**
     * A change of kind is an Undo then a Like: once the author has read the first reaction, the new one comes back
     * unread and counted once, and the two records delivered again, back to back, change nothing.
     */
    @Test
    void aChangeOfKindAfterTheAuthorReadTheReactionComesBackUnreadOnceAndItsReplayChangesNothing() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Démo du nouvel intranet</p>", null);
        react(fan, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        as(author).post("/api/notifications/read-all").then().statusCode(204);

        react(fan, post, "insightful");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("insightful"));
        assertThat(notifications(author).getList("items.read", Boolean.class)).containsExactly(false);
        assertThat(unread(author)).isEqualTo(1);

        List<ConsumerRecord<String, String>> change = KafkaProbe.awaitRecords(Topics.ACTIVITIES, reactionOf(fan, post), 3,
                Duration.ofSeconds(30)).subList(1, 3);
        change.forEach(ReactionTakeBackTest::replay);
        ConsumerRecord<String, String> last = change.get(1);
        awaitConsumed(NotificationTest.GROUP, r -> r.offset() > last.offset() && last.value().equals(r.value()));

        assertThat(reactionDetails(author)).containsExactly("insightful");
        assertThat(notifications(author).getList("items.read", Boolean.class)).containsExactly(false);
        assertThat(unread(author)).isEqualTo(1);
    }

    @Test
    void likeUnlikeLikeUnreadCountsOnce() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Atelier sécurité mardi</p>", null);
        react(fan, post, "like");
        unreact(fan, post);
        react(fan, post, "like");
        react(fan, post, "insightful"); // a change of kind: an Undo, then a Like

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("insightful"));
        assertThat(unread(author)).isEqualTo(1);
    }

    @Test
    void replayingLikesAndTheirUndosChangesNothing() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Bilan carbone 2026</p>", null);
        react(fan, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        unreact(fan, post);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).isEmpty());
        react(fan, post, "celebrate");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("celebrate"));
        long unreadBefore = unread(author);

        List<ConsumerRecord<String, String>> log = KafkaProbe.awaitRecords(Topics.ACTIVITIES, reactionOf(fan, post), 3,
                Duration.ofSeconds(30));
        log.forEach(ReactionTakeBackTest::replay);
        ConsumerRecord<String, String> last = log.get(log.size() - 1);
        awaitConsumed(NotificationTest.GROUP, r -> r.offset() > last.offset() && last.value().equals(r.value()));

        assertThat(reactionDetails(author)).containsExactly("celebrate");
        assertThat(unread(author)).isEqualTo(unreadBefore).isEqualTo(1);
    }

    @Test
    void anUndoReplayedAloneDoesNotTakeBackTheNewerReaction() {
        String author = fresh("author"), fan = fresh("fan");
        String post = post(author, "<p>Nouvelle cantine</p>", null);
        react(fan, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        react(fan, post, "celebrate"); // Undo of the like, then a new Like
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("celebrate"));

        ConsumerRecord<String, String> undo = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                reactionOf(fan, post).and(r -> r.value().contains("\"type\":\"" + As2.UNDO + "\"")), 1, Duration.ofSeconds(30)).get(0);
        replay(undo);
        awaitConsumed(NotificationTest.GROUP, r -> r.offset() > undo.offset() && undo.value().equals(r.value()));

        assertThat(reactionDetails(author)).containsExactly("celebrate");
        assertThat(unread(author)).isEqualTo(1);
    }

    /**
     * Reported after the last release: a member a community manager removed, who had liked then unliked a post of a
     * private community, likes it again once re-admitted; the author must be told, as for anyone who may see the post
     * and has no like notification shown for it.
     */
    @Test
    void aRemovedMembersLikeAfterReadmissionNotifiesTheAuthorAgain() {
        String author = fresh("author"), fan = fresh("fan");
        String slug = community(author, "private", fan);
        String post = post(author, "<p>Plan de charge du trimestre</p>", slug);
        react(fan, post, "like");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        unreact(fan, post);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).isEmpty());
        as(author).delete("/api/communities/{slug}/members/{login}", slug, fan).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as(fan).get("/api/posts/{id}", Iri.localId(post)).then().statusCode(404));
        addMember(author, slug, "private", fan);
        await().atMost(PATIENCE).untilAsserted(() -> as(fan).get("/api/posts/{id}", Iri.localId(post)).then().statusCode(200));

        react(fan, post, "like");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reactionDetails(author)).containsExactly("like"));
        // unread, as the first like's notification was when taken back (the author's two join requests are unread too)
        assertThat(notifications(author).getBoolean("items.find { it.kind == 'reaction' }.read")).isFalse();
    }

    private static void replay(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaProbe.publish(Topics.ACTIVITIES, record.key(), headers, record.value());
    }
}
