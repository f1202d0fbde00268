package io.relais.feed.timeline;

import io.relais.feed.feedview.FeedFixtures;
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

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.activity;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.awaitConsumed;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.feed;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.ids;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: every derived view follows edits and deletes — hashtag timelines, mention reasons, notifications
 * and their unread count — and replaying the log afterwards changes none of them.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class EditsAndDeletesTest {

    static final String TIMELINE_GROUP = "feed-service-timeline";
    static final String NOTIFICATION_GROUP = "feed-service-notifications";

    static String tag(String base) {
        return base + fresh("x").substring(2).replaceAll("[0-9]", "q");
    }

    static List<String> reasons(String login, String post) {
        JsonPath home = feed(login, "/api/feed/home", Map.of("limit", 50));
        List<String> r = home.getList("items.find { it.post.id == '" + post + "' }.reasons", String.class);
        return r == null ? List.of() : r;
    }

    static JsonPath notifications(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    static long unread(String login) {
        return as(login).get("/api/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    @Test
    void anEditMovesThePostBetweenHashtagFeedsAndMentionReasonsAndADeleteTakesItOut() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob"), carol = FeedFixtures.person("carol");
        String old = tag("old"), neu = tag("new");
        String post = post(alice, "Point d'étape #" + old + " avec @" + bob, null);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(alice, "/api/feed/hashtags/" + old)).contains(post);
            assertThat(reasons(bob, post)).contains("mentioned");
        });

        as(alice).body(Map.of("content", "Point d'étape #" + neu + " avec @" + carol)).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(alice, "/api/feed/hashtags/" + old)).doesNotContain(post);
            assertThat(ids(alice, "/api/feed/hashtags/" + neu)).contains(post);
            assertThat(reasons(bob, post)).doesNotContain("mentioned");
            assertThat(reasons(carol, post)).contains("mentioned");
        });

        as(alice).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(alice, "/api/feed/hashtags/" + neu)).doesNotContain(post);
            assertThat(ids(carol, "/api/feed/home")).doesNotContain(post);
        });
    }

    @Test
    void deletingAPostRetractsItsMentionNotificationAndItsUnreadCount() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob");
        String post = post(alice, "Merci @" + bob + " pour la revue", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unread(bob)).isEqualTo(1));
        assertThat(notifications(bob).getList("items.object", String.class)).containsExactly(post);

        as(alice).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(unread(bob)).isZero();
            assertThat(notifications(bob).getList("items", Object.class)).isEmpty();
        });
    }

    @Test
    void anEditThatRemovesAMentionRetractsItsNotification() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob"), carol = FeedFixtures.person("carol");
        String post = post(alice, "Revue par @" + bob, null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unread(bob)).isEqualTo(1));
        as(alice).body(Map.of("content", "Revue par @" + carol)).put("/api/posts/{id}", Iri.localId(post)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(unread(bob)).isZero();
            assertThat(notifications(bob).getList("items", Object.class)).isEmpty();
        });
    }

    @Test
    void deletingACommentRetractsTheReplyNotificationOfThePostsAuthor() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob");
        String post = post(alice, "Des avis ?", null);
        String comment = as(bob).body(Map.of("content", "Oui, plein")).post("/api/posts/{id}/comments", Iri.localId(post))
                .then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(unread(alice)).isEqualTo(1));
        as(bob).delete("/api/posts/{p}/comments/{c}", Iri.localId(post), Iri.localId(comment)).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(unread(alice)).isZero();
            assertThat(notifications(alice).getList("items.object", String.class)).doesNotContain(comment);
        });
    }

    @Test
    void replayingTheLogAfterAnEditAndADeleteChangesNoView() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob"), carol = FeedFixtures.person("carol");
        String old = tag("old"), neu = tag("new");
        String edited = post(alice, "Sujet #" + old + " pour @" + bob, null);
        String deleted = post(alice, "Brouillon pour @" + carol, null);
        as(alice).body(Map.of("content", "Sujet #" + neu)).put("/api/posts/{id}", Iri.localId(edited)).then().statusCode(200);
        as(alice).delete("/api/posts/{id}", Iri.localId(deleted)).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(alice, "/api/feed/hashtags/" + neu)).contains(edited);
            assertThat(ids(alice, "/api/feed/hashtags/" + old)).doesNotContain(edited);
            assertThat(unread(bob)).isZero();
            assertThat(unread(carol)).isZero();
        });

        List<ConsumerRecord<String, String>> replayed = List.of(
                replay(KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, edited), 1, Duration.ofSeconds(30)).get(0)),
                replay(KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.UPDATE, edited), 1, Duration.ofSeconds(30)).get(0)),
                replay(KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, deleted), 1, Duration.ofSeconds(30)).get(0)));
        for (ConsumerRecord<String, String> original : replayed) {
            for (String group : List.of(TIMELINE_GROUP, NOTIFICATION_GROUP)) {
                awaitConsumed(group, r -> r.offset() > original.offset() && original.value().equals(r.value()));
            }
        }

        assertThat(ids(alice, "/api/feed/hashtags/" + old)).doesNotContain(edited);
        assertThat(ids(alice, "/api/feed/hashtags/" + neu)).containsOnlyOnce(edited);
        assertThat(reasons(bob, edited)).doesNotContain("mentioned");
        assertThat(unread(bob)).isZero();
        assertThat(unread(carol)).isZero();
        assertThat(notifications(carol).getList("items", Object.class)).isEmpty();
    }

    @Test
    void anEditThatAddsAMentionNotifiesThePersonOnceEvenWhenReplayedAndRemovingItRetractsIt() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob");
        String post = post(alice, "Revue du budget", null);
        as(alice).body(Map.of("content", "Revue du budget par @" + bob)).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(unread(bob)).isEqualTo(1);
            assertThat(notifications(bob).getList("items.kind", String.class)).containsExactly("mention");
            assertThat(notifications(bob).getList("items.object", String.class)).containsExactly(post);
        });

        ConsumerRecord<String, String> edit = replay(
                KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.UPDATE, post), 1, Duration.ofSeconds(30)).get(0));
        awaitConsumed(NOTIFICATION_GROUP, r -> r.offset() > edit.offset() && edit.value().equals(r.value()));
        assertThat(unread(bob)).isEqualTo(1);
        assertThat(notifications(bob).getList("items.id", String.class)).hasSize(1);

        as(alice).body(Map.of("content", "Revue du budget")).put("/api/posts/{id}", Iri.localId(post)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(unread(bob)).isZero();
            assertThat(notifications(bob).getList("items", Object.class)).isEmpty();
        });
    }

    @Test
    void deletingAPostRetractsEveryNotificationOfItsThreadAtAnyDepth() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob"), carol = FeedFixtures.person("carol"), dave = FeedFixtures.person("dave");
        String post = post(alice, "Des avis sur le plan ?", null);
        String comment = as(bob).body(Map.of("content", "Oui, demandons à @" + carol))
                .post("/api/posts/{id}/comments", Iri.localId(post)).then().statusCode(201).extract().path("id");
        String reply = as(carol).body(Map.of("content", "D'accord, et @" + dave + " aussi", "inReplyTo", comment))
                .post("/api/posts/{id}/comments", Iri.localId(post)).then().statusCode(201).extract().path("id");
        as(dave).body(Map.of("kind", "like")).put("/api/posts/{p}/comments/{c}/reactions/mine", Iri.localId(post),
                Iri.localId(reply)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(notifications(alice).getList("items.kind", String.class)).as("alice: replies to her post")
                    .containsExactlyInAnyOrder("reply", "reply");
            assertThat(notifications(bob).getList("items.kind", String.class)).as("bob: carol replied to his comment")
                    .containsExactly("reply");
            assertThat(notifications(carol).getList("items.kind", String.class)).as("carol: bob's mention, dave's like")
                    .containsExactlyInAnyOrder("mention", "reaction");
            assertThat(notifications(dave).getList("items.kind", String.class)).as("dave: carol's mention")
                    .containsExactly("mention");
            assertThat(unread(alice) + unread(bob) + unread(carol) + unread(dave)).isEqualTo(6);
        });

        as(alice).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String person : List.of(alice, bob, carol, dave)) {
                assertThat(unread(person)).as(person).isZero();
                assertThat(notifications(person).getList("items", Object.class)).as(person).isEmpty();
            }
        });
    }

    @Test
    void aHashtagRemovedByAnEditLeavesTheHomeFeedOfThoseWhoHadItOnlyForThatTag() {
        String alice = FeedFixtures.person("alice"), carol = FeedFixtures.person("carol"), dave = FeedFixtures.person("dave"), erin = FeedFixtures.person("erin");
        String old = tag("old");
        String slug = community(alice, "public", dave);
        for (String person : List.of(carol, dave, erin)) follow(person, "hashtag", old);
        follow(erin, "person", alice);
        String post = post(alice, "Sujet #" + old, slug);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(reasons(carol, post)).containsExactly("follows-hashtag");
            assertThat(reasons(dave, post)).contains("member");
            assertThat(reasons(erin, post)).contains("follows-author");
        });

        as(alice).body(Map.of("content", "Sujet sans étiquette")).put("/api/posts/{id}", Iri.localId(post)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(homeIds(carol)).doesNotContain(post);
            assertThat(reasons(dave, post)).contains("member").doesNotContain("follows-hashtag");
            assertThat(reasons(erin, post)).contains("follows-author").doesNotContain("follows-hashtag");
        });
    }

    @Test
    void replayingAnOlderEditAfterANewerOneChangesNoView() {
        String alice = fresh("alice"), bob = FeedFixtures.person("bob"), carol = FeedFixtures.person("carol"), dave = FeedFixtures.person("dave");
        String first = tag("first"), second = tag("second"), third = tag("third");
        String post = post(alice, "Sujet #" + first + " pour @" + bob, null);
        as(alice).body(Map.of("content", "Sujet #" + second + " pour @" + carol)).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);
        as(alice).body(Map.of("content", "Sujet #" + third + " pour @" + dave)).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ids(alice, "/api/feed/hashtags/" + third)).contains(post);
            assertThat(ids(alice, "/api/feed/hashtags/" + second)).doesNotContain(post);
            assertThat(reasons(dave, post)).contains("mentioned");
            assertThat(unread(dave)).isEqualTo(1);
        });
        List<ConsumerRecord<String, String>> edits = new java.util.ArrayList<>(
                KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.UPDATE, post), 2, Duration.ofSeconds(30)));
        edits.sort(java.util.Comparator.comparingLong(ConsumerRecord::offset));
        for (String group : List.of(TIMELINE_GROUP, NOTIFICATION_GROUP)) {
            awaitConsumed(group, r -> r.offset() == edits.get(1).offset() && edits.get(1).value().equals(r.value()));
        }

        ConsumerRecord<String, String> older = replay(edits.get(0));
        for (String group : List.of(TIMELINE_GROUP, NOTIFICATION_GROUP)) {
            awaitConsumed(group, r -> r.offset() > older.offset() && older.value().equals(r.value()));
        }

        assertThat(ids(alice, "/api/feed/hashtags/" + second)).doesNotContain(post);
        assertThat(ids(alice, "/api/feed/hashtags/" + third)).containsOnlyOnce(post);
        assertThat(reasons(carol, post)).doesNotContain("mentioned");
        assertThat(reasons(dave, post)).contains("mentioned");
        assertThat(unread(carol)).isZero();
        assertThat(unread(dave)).isEqualTo(1);
    }

    private static ConsumerRecord<String, String> replay(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        KafkaProbe.publish(Topics.ACTIVITIES, record.key(), headers, record.value());
        return record;
    }
}
