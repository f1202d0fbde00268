package io.relais.feed.moderation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.As2;
import io.relais.events.Topics;
import io.relais.feed.feedview.FeedFixtures;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a moderation decision does to other people's notifications: a hide takes back what they were told about
 * the hidden item (mentions, replies, reactions), a restore gives it back once to whoever may still see it and did
 * not mute it, a held post's mentions reach their people when a moderator restores it — once, even when the log is
 * replayed — and the author's notice names the community, never the moderator.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ModerationNotificationsTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String NOTIFICATION_GROUP = "feed-service-notifications";

    /** The kinds of {@code login}'s notifications about {@code object}, newest first. */
    static List<String> kindsAbout(String login, String object) {
        return as(login).get("/api/notifications").then().statusCode(200).extract()
                .path("items.findAll { it.object == '" + object + "' }.kind");
    }

    static void decide(String moderator, String object, String action, String reason) {
        as(moderator).body(Map.of("object", object, "action", action, "reason", reason)).post("/api/moderation/actions")
                .then().statusCode(200);
    }

    @Test
    void hidingTakesBackWhatOthersWereToldAndRestoringGivesItBackOnce() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Point budget avec @" + s.reader());
        as(s.owner()).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kindsAbout(s.reader(), id)).containsExactly("mention");
            assertThat(kindsAbout(s.author(), id)).containsExactly("reaction");
        });

        decide(s.mod(), id, "hide", "Hors charte");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kindsAbout(s.reader(), id)).isEmpty();
            assertThat(kindsAbout(s.author(), id)).containsExactly("hidden");
        });

        decide(s.mod(), id, "restore", "Erreur");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kindsAbout(s.reader(), id)).containsExactly("mention");
            assertThat(kindsAbout(s.author(), id)).containsExactlyInAnyOrder("restored", "hidden", "reaction");
        });
        assertThat(as(s.reader()).get("/api/notifications").then().extract().<String>path(
                "items.find { it.object == '" + id + "' }.actor.login")).isEqualTo(s.author());
    }

    @Test
    void aHeldPostsMentionsAreNotifiedOnceWhenAModeratorRestoresItEvenWhenReplayed() {
        RulesAndAuditTest.rules();
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Une question sur la cryptomonnaie pour @" + s.reader());
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, FeedFixtures.activity(As2.CREATE, id));
        assertThat(kindsAbout(s.reader(), id)).isEmpty();

        // a keyword rule's hold is the organisation's: a community manager releases it
        as(io.relais.feed.community.Fixtures.person("manager"), "employee", "community-manager")
                .body(Map.of("object", id, "action", "restore", "reason", "Question légitime")).post("/api/moderation/actions")
                .then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).containsExactly("mention"));
        ConsumerRecord<String, String> restore = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> FeedFixtures.activity(As2.UPDATE, id).test(r) && r.value().contains("\"restore\""), 1, PATIENCE).get(0);
        Map<String, String> headers = new HashMap<>();
        restore.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaProbe.publish(Topics.ACTIVITIES, restore.key(), headers, restore.value());
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, r -> r.offset() > restore.offset() && restore.value().equals(r.value()));

        assertThat(kindsAbout(s.reader(), id)).containsExactly("mention");
    }

    /**
     * A hidden post is seen by its author and moderators only, so what happens in it notifies nobody else (found trying
     * the stack: such notifications pointed to a page their recipients could not open): its author's edit that
     * mentions someone, its author's comment that mentions someone else.
     */
    @Test
    void aHiddenPostsEditsAndCommentsNotifyNobodyElse() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Premier jet");
        decide(s.mod(), id, "hide", "Hors charte");

        as(s.author()).body(Map.of("content", "Premier jet, relu par @" + s.reader())).put("/api/posts/{id}", local(id))
                .then().statusCode(200);
        String comment = as(s.author()).body(Map.of("content", "Un avis, @" + s.owner() + " ?"))
                .post("/api/posts/{id}/comments", local(id)).then().statusCode(201).extract().path("id");
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, FeedFixtures.activity(As2.UPDATE, id));
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, FeedFixtures.activity(As2.CREATE, comment));

        assertThat(kindsInThread(s.reader(), id)).isEmpty();
        assertThat(kindsInThread(s.owner(), id)).isEmpty();

        // control: once restored, the same people are told of what mentions them
        decide(s.mod(), id, "restore", "Erreur");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).containsExactly("mention"));
    }

    /** The kinds of {@code login}'s notifications about anything in the thread of {@code post}. */
    static List<String> kindsInThread(String login, String post) {
        return as(login).get("/api/notifications").then().statusCode(200).extract()
                .path("items.findAll { it.post == '" + post + "' }.kind");
    }

    static int unread(String login) {
        return as(login).get("/api/notifications/unread-count").then().statusCode(200).extract().path("unread");
    }

    @Test
    void aRestoreBringsBackTheRepliesAndReactionsAHideTookBackEachOnce() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Qui vient au séminaire ?");
        as(s.reader()).body(Map.of("content", "Moi !")).post("/api/posts/{id}/comments", local(id)).then().statusCode(201);
        as(s.owner()).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsInThread(s.author(), id)).containsExactlyInAnyOrder("reply", "reaction"));
        int unreadBefore = unread(s.author());

        decide(s.mod(), id, "hide", "Hors charte");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsInThread(s.author(), id)).containsExactly("hidden"));

        decide(s.mod(), id, "restore", "Erreur");
        // the reply and the reaction count as unread again, once; the two notices are new
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kindsInThread(s.author(), id)).containsExactlyInAnyOrder("reply", "reaction", "hidden", "restored");
            assertThat(unread(s.author())).isEqualTo(unreadBefore + 2);
        });
    }

    @Test
    void aRestoreDoesNotBringBackANoticeToSomeoneWhoMutedTheThreadMeanwhile() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Ordre du jour pour @" + s.reader());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).containsExactly("mention"));
        as(s.reader()).put("/api/notifications/mutes/thread/{id}", local(id)).then().statusCode(204);
        decide(s.mod(), id, "hide", "Hors charte");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).isEmpty());

        decide(s.mod(), id, "restore", "Erreur");
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, r -> FeedFixtures.activity(As2.UPDATE, id).test(r) && r.value().contains("\"restore\""));
        assertThat(kindsAbout(s.reader(), id)).isEmpty();
    }

    @Test
    void aReplayedCreateOfAnItemHiddenLaterNotifiesNobodyAgain() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Compte rendu pour @" + s.reader());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).containsExactly("mention"));
        decide(s.mod(), id, "hide", "Hors charte");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).isEmpty());

        ConsumerRecord<String, String> create = KafkaProbe.awaitRecords(Topics.ACTIVITIES, FeedFixtures.activity(As2.CREATE, id), 1, PATIENCE).get(0);
        Map<String, String> headers = new HashMap<>();
        create.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaProbe.publish(Topics.ACTIVITIES, create.key(), headers, create.value());
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, r -> r.offset() > create.offset() && create.value().equals(r.value()));
        assertThat(kindsAbout(s.reader(), id)).isEmpty();

        decide(s.mod(), id, "restore", "Erreur");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.reader(), id)).containsExactly("mention"));
    }

    @Test
    void theAuthorsNoticeNamesTheCommunityNeverTheModerator() {
        DecisionTest.Setup s = DecisionTest.aCommunityWithAModerator();
        String id = post(s.author(), s.slug(), "Un message discutable");
        decide(s.mod(), id, "hide", "Hors charte");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kindsAbout(s.author(), id)).containsExactly("hidden"));

        String body = as(s.author()).get("/api/notifications").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(s.mod());
        assertThat(as(s.author()).get("/api/notifications").then().extract().<String>path(
                "items.find { it.object == '" + id + "' }.actor.iri")).isEqualTo(io.relais.events.Iri.community(s.slug()));
        // the audit log keeps who decided, for admins (newest first)
        assertThat(as(RulesAndAuditTest.ADMIN, "employee", "admin").get("/api/moderation/audit?limit=200").then().statusCode(200)
                .extract().<String>path("entries.find { it.object == '" + id + "' }.actor")).isEqualTo(io.relais.events.Iri.person(s.mod()));
    }
}
