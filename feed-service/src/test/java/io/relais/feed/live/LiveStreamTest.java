package io.relais.feed.live;

import io.relais.feed.feedview.FeedFixtures;
import io.relais.feed.notification.NotificationPlanner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.As2;
import io.relais.events.EventId;
import io.relais.events.HrAcceptance;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.RelaisExtension;
import io.relais.events.PersonErasure;
import io.relais.events.Topics;
import io.relais.testing.KafkaBroker;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Live push over server-sent events, read with a plain HTTP client as a browser's EventSource would. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class LiveStreamTest {

    static final String NOTIFICATION_GROUP = "feed-service-notifications";

    private final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void disconnect() {
        open.forEach(Stream::close);
    }

    /** Connects as the person and collects every line of the stream; returns once the server said ready. */
    List<String> connect(String login) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/live"))
                .header("Authorization", "Bearer " + TestTokens.employee(login))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Stream<String> body = response.body();
        open.add(body);
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-" + login);
        reader.setDaemon(true);
        reader.start();
        await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> isEvent(l, LiveHub.READY)));
        return lines;
    }

    /** Live consumers start from the latest offset: wait until this replica's group owns the partitions. */
    static void awaitLiveConsumerAssigned() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                        .filter(g -> g.startsWith("feed-service-live-")).toList();
                if (groups.isEmpty()) return false;
                for (ConsumerGroupDescription d : admin.describeConsumerGroups(groups).all().get().values()) {
                    if (d.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) return true;
                }
                return false;
            });
        }
    }

    /** An {@code event:} field line, with or without the optional space after the colon. */
    static boolean isEvent(String line, String event) {
        return line.startsWith("event:") && line.substring("event:".length()).trim().equals(event);
    }

    static boolean hasEvent(List<String> lines, String event, String containing) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isEvent(lines.get(i), event) && lines.get(i + 1).startsWith("data:")
                    && lines.get(i + 1).contains(containing)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines of a stream that are not part of an event as HTML's server-sent events define it: an {@code event:} or
     * {@code data:} field, an {@code id:} field with a value (an empty one resets the browser's Last-Event-ID), a comment
     * ({@code : heartbeat}) or the blank line that ends an event.
     */
    static List<String> strayLines(List<String> lines) {
        return lines.stream().filter(l -> !(l.isEmpty() || l.startsWith(":") || l.startsWith("event:") || l.startsWith("data:")
                || (l.startsWith("id:") && !l.substring("id:".length()).isBlank()))).toList();
    }

    /** Every event was written with a {@code content-type:} line of RESTEasy's own, a field the spec does not define. */
    @Test
    void everyEventIsMadeOfTheFieldsOfServerSentEventsOnly() throws Exception {
        String author = FeedFixtures.person("author"), follower = FeedFixtures.person("follower");
        follow(follower, "person", author);
        List<String> stream = connect(follower);
        awaitLiveConsumerAssigned();

        String post = post(author, "<p>Un flux sans champ en trop</p>", null);

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.FEED_ITEM, post));
        assertThat(strayLines(stream)).as("lines of the stream that are no field of an event, in %s", stream).isEmpty();
        assertThat(stream).contains("event:" + LiveHub.READY, "data:{}");
    }

    @Test
    void aNewPostIsPushedToAConnectedFollowerAndAMentionAsANotification() throws Exception {
        String author = FeedFixtures.person("author"), follower = FeedFixtures.person("follower");
        follow(follower, "person", author);
        List<String> stream = connect(follower);
        awaitLiveConsumerAssigned();

        String slug = community(author, "public");
        String post = post(author, "<p>Démo en direct, @" + follower + " tu es là ?</p>", slug);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hasEvent(stream, "feed-item", post)).as("feed-item in %s", stream).isTrue();
            assertThat(hasEvent(stream, "notification", "\"kind\":\"mention\"")).isTrue();
        });
        assertThat(stream.stream().filter(l -> l.startsWith("data:") && l.contains(post) && l.contains("follows-author")))
                .isNotEmpty();
    }

    /**
     * The HR connector's hire is not pushed: its welcome card is profile-service's announcement that it applied the
     * hire (it refuses, say, a hire reusing a working employee's login), which is.
     */
    @Test
    void anHrHireIsPushedOnlyOnceProfileServiceHasAppliedIt() throws Exception {
        String newHire = FeedFixtures.person("newhire"), manager = fresh("manager");
        List<String> stream = connect(newHire);
        awaitLiveConsumerAssigned();
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next()), marker = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        Activity hire = FeedFixtures.hireCard(As2.CREATE, card, newHire, manager, "Bienvenue !");
        FeedFixtures.publishActivity(hire, "/connectors/hr/workday", RecordKey.of(hire));
        // read after it (same key, same partition): once the marker is pushed, the connector's hire was passed over
        FeedFixtures.publishActivity(HrAcceptance.accepted(FeedFixtures.hireCard(As2.CREATE, marker, newHire, manager, "Repère")),
                CloudEventAttributes.PROFILE_SOURCE, RecordKey.of(hire));
        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.FEED_ITEM, marker));
        assertThat(hasEvent(stream, LiveHub.FEED_ITEM, card)).as("pushed before profile-service applied it: %s", stream).isFalse();

        FeedFixtures.publishActivity(HrAcceptance.accepted(hire), CloudEventAttributes.PROFILE_SOURCE, RecordKey.of(hire));

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.FEED_ITEM, card));
    }

    /**
     * A stream is authorised when it opens, so it ends when the token it was opened with expires (found trying the
     * stack: a stream kept receiving a departed employee's mentions after its token had expired); the browser then
     * reconnects through the web app with the session's current token.
     */
    @Test
    void aStreamEndsWhenTheTokenItWasOpenedWithExpires() throws Exception {
        String person = FeedFixtures.person("expiring");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/live"))
                .header("Authorization", "Bearer " + TestTokens.employeeExpiringIn(person, 3))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        java.util.concurrent.CompletableFuture<List<String>> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return response.body().toList();
            } catch (RuntimeException closed) {
                return List.of();
            }
        });
        List<String> lines = ended.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(lines).as("the stream said ready before it ended").anyMatch(l -> isEvent(l, LiveHub.READY));
    }

    /**
     * The web re-reads the unread count when a live notification arrives: the notification must be stored by then.
     * Each mention's event is checked against the count read the moment that event is seen, without waiting.
     */
    @Test
    void aNotificationIsPushedOnlyOnceTheUnreadCountIncludesIt() throws Exception {
        String author = fresh("author"), mentioned = FeedFixtures.person("mentioned");
        List<String> stream = connect(mentioned);
        awaitLiveConsumerAssigned();
        String slug = community(author, "public");

        for (int i = 1; i <= 3; i++) {
            post(author, "<p>Point " + i + " pour @" + mentioned + "</p>", slug);
            int seen = i;
            await().atMost(PATIENCE).until(() -> countEvents(stream, "notification", "\"kind\":\"mention\"") >= seen);
            int unread = as(mentioned).get("/api/notifications/unread-count").then().statusCode(200)
                    .extract().path("unread");
            assertThat(unread).as("unread count read right after live notification %d", i).isGreaterThanOrEqualTo(i);
        }
    }

    /**
     * A deleted post takes its mention back: the open stream learns which notification left the list and the lowered
     * unread count, so the web's badge follows without a reload.
     */
    @Test
    void aDeletedPostTakesItsMentionBackFromTheOpenStreamWithTheLoweredCount() throws Exception {
        String author = fresh("author"), mentioned = FeedFixtures.person("mentioned");
        List<String> stream = connect(mentioned);
        awaitLiveConsumerAssigned();
        String post = post(author, "<p>Brouillon pour @" + mentioned + "</p>", null);
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, "\"kind\":\"mention\"") == 1);
        String id = as(mentioned).get("/api/notifications").then().statusCode(200).extract().path("items[0].id");

        as(author).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK,
                "{\"ids\":[\"" + id + "\"],\"unread\":0}"));
        assertThat(as(mentioned).get("/api/notifications/unread-count").then().statusCode(200).extract().<Integer>path("unread"))
                .isZero();
    }

    /**
     * A post deleted while it is on its readers' open pages is taken off them: each connected person its audience
     * admitted is told {@code feed-item-removed} with its id; someone it was never addressed to is told nothing.
     */
    @Test
    void aDeletedPostIsTakenOffItsReadersOpenPagesAndNamedToNobodyElse() throws Exception {
        String owner = FeedFixtures.person("owner"), member = fresh("member"), outsider = FeedFixtures.person("outsider");
        String slug = community(owner, "private", member);
        follow(outsider, "person", owner);
        List<String> memberStream = connect(member);
        List<String> outsiderStream = connect(outsider);
        awaitLiveConsumerAssigned();
        String post = post(owner, "<p>Chiffres du trimestre, brouillon</p>", slug);
        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, LiveHub.FEED_ITEM, post));

        as(owner).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);

        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, LiveHub.FEED_ITEM_REMOVED, "{\"id\":\"" + post + "\"}"));
        // the same activity was judged for both connections in the same pass: a later one reaching the outsider proves it
        String marker = post(owner, "<p>Ouvert à tous</p>", null);
        await().atMost(PATIENCE).until(() -> hasEvent(outsiderStream, LiveHub.FEED_ITEM, marker));
        assertThat(String.join("\n", outsiderStream)).doesNotContain(post);
    }

    /**
     * A community manager hides a post: its readers' open pages drop it, its author (who still reads it, marked hidden)
     * keeps it; restoring it tells nobody it was removed again, and an edit removes nothing.
     */
    @Test
    void aHiddenPostLeavesItsReadersOpenPagesButNotItsAuthorsAndAnEditRemovesNothing() throws Exception {
        String author = FeedFixtures.person("author"), reader = FeedFixtures.person("reader"), manager = fresh("manager");
        follow(reader, "person", author);
        List<String> readerStream = connect(reader);
        List<String> authorStream = connect(author);
        awaitLiveConsumerAssigned();
        String post = post(author, "<p>Un avis tranché sur la cantine</p>", null);
        await().atMost(PATIENCE).until(() -> hasEvent(readerStream, LiveHub.FEED_ITEM, post));
        as(author).body(Map.of("content", "<p>Un avis nuancé sur la cantine</p>")).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, FeedFixtures.activity(As2.UPDATE, post));

        FeedFixtures.asCommunityManager(manager).body(Map.of("object", post, "action", "hide", "reason", "Vérification"))
                .post("/api/moderation/actions").then().statusCode(200);

        await().atMost(PATIENCE).until(() -> hasEvent(readerStream, LiveHub.FEED_ITEM_REMOVED, post));
        assertThat(countEvents(readerStream, LiveHub.FEED_ITEM_REMOVED, post)).as("the edit removed nothing").isEqualTo(1);
        FeedFixtures.asCommunityManager(manager).body(Map.of("object", post, "action", "restore", "reason", "Vérification"))
                .post("/api/moderation/actions").then().statusCode(200);
        String marker = post(author, "<p>Autre sujet</p>", null);
        await().atMost(PATIENCE).until(() -> hasEvent(readerStream, LiveHub.FEED_ITEM, marker)
                && hasEvent(authorStream, LiveHub.FEED_ITEM, marker));
        assertThat(countEvents(readerStream, LiveHub.FEED_ITEM_REMOVED, post)).as("a restore removes nothing").isEqualTo(1);
        assertThat(String.join("\n", authorStream)).doesNotContain(LiveHub.FEED_ITEM_REMOVED);
    }

    /**
     * An edit reaches the open pages of the people who see the post ({@code feed-item-updated}, its id only: the page
     * reads it again with its reader's rights), the writer's included; someone the audience does not admit is told
     * nothing; a hide tells the readers it is removed, and tells its author, who still sees it marked hidden, that it
     * changed.
     */
    @Test
    void anEditedPostIsReadAgainByTheOpenPagesOfThoseWhoSeeIt() throws Exception {
        String owner = FeedFixtures.person("owner"), member = fresh("member"), outsider = FeedFixtures.person("outsider");
        String manager = fresh("manager"); // owns the community: moderates it
        String slug = community(manager, "private", owner, member);
        follow(outsider, "person", owner);
        List<String> memberStream = connect(member);
        List<String> ownerStream = connect(owner);
        List<String> outsiderStream = connect(outsider);
        awaitLiveConsumerAssigned();
        String post = post(owner, "<p>Ordre du jour : budget</p>", slug);
        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, LiveHub.FEED_ITEM, post));

        as(owner).body(Map.of("content", "<p>Ordre du jour : budget et recrutement</p>")).put("/api/posts/{id}", Iri.localId(post))
                .then().statusCode(200);

        String updated = "{\"id\":\"" + post + "\"}";
        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, LiveHub.FEED_ITEM_UPDATED, updated)
                && hasEvent(ownerStream, LiveHub.FEED_ITEM_UPDATED, updated));
        as(manager).body(Map.of("object", post, "action", "hide", "reason", "Vérification"))
                .post("/api/moderation/actions").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, LiveHub.FEED_ITEM_REMOVED, updated)
                && countEvents(ownerStream, LiveHub.FEED_ITEM_UPDATED, post) == 2);
        assertThat(countEvents(memberStream, LiveHub.FEED_ITEM_UPDATED, post)).as("hidden from the member: removed, not updated")
                .isEqualTo(1);
        assertThat(String.join("\n", ownerStream)).doesNotContain(LiveHub.FEED_ITEM_REMOVED);
        // the same activities were judged for every connection in the same pass: a later one reaching the outsider proves it
        String marker = post(owner, "<p>Ouvert à tous</p>", null);
        await().atMost(PATIENCE).until(() -> hasEvent(outsiderStream, LiveHub.FEED_ITEM, marker));
        assertThat(String.join("\n", outsiderStream)).doesNotContain(post);
    }

    /** Every event the live stream sends is in its OpenAPI description, the contract the web app's page listens by. */
    @Test
    void everyLiveEventIsDescribedInTheOpenApiDocument() {
        String live = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getString("paths.'/api/live'.get.responses.'200'.content.'text/event-stream'.examples.stream.value");
        for (String event : List.of(LiveHub.READY, LiveHub.FEED_ITEM, LiveHub.FEED_ITEM_REMOVED, LiveHub.FEED_ITEM_UPDATED,
                LiveHub.NOTIFICATION, LiveHub.NOTIFICATIONS_TAKEN_BACK,
                LiveHub.NOTIFICATIONS_SHOWN_AGAIN)) {
            assertThat(live).as("the documented stream").contains("event: " + event + "\n");
        }
        assertThat(live).contains("data: {\"ids\":[").contains("data: {\"notifications\":[{\"id\":");
    }

    /**
     * A moderator hides a comment that mentioned me, then restores it: my open page is told both, the restore with
     * the notification as my list shows it (same id, same time, so the page puts it back at its place) and my unread
     * count once it is back.
     */
    @Test
    void aRestoredCommentsMentionComesBackOnTheOpenStreamAtItsPlaceWithTheRaisedCount() throws Exception {
        String owner = fresh("owner"), mod = FeedFixtures.person("mod"), author = fresh("author");
        String mentioned = FeedFixtures.person("mentioned");
        String slug = community(owner, "public", mod, author, mentioned);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod)
                .then().statusCode(204);
        String post = post(owner, "<p>Ordre du jour du comité</p>", slug);
        List<String> stream = connect(mentioned);
        awaitLiveConsumerAssigned();
        String comment = as(author).body(Map.of("content", "Je vois ça avec @" + mentioned))
                .post("/api/posts/{id}/comments", Iri.localId(post)).then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, comment) == 1);
        JsonPath listed = as(mentioned).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        String id = listed.getString("items[0].id");
        String at = listed.getString("items[0].at");
        decide(mod, comment, "hide");
        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK, "{\"ids\":[\"" + id + "\"],\"unread\":0}"));

        decide(mod, comment, "restore");

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_SHOWN_AGAIN, "\"id\":\"" + id + "\""));
        String data = dataOf(stream, LiveHub.NOTIFICATIONS_SHOWN_AGAIN);
        assertThat(data).contains("\"kind\":\"mention\"", "\"at\":\"" + at + "\"", "\"read\":false", "\"unread\":1");
        assertThat(countEvents(stream, LiveHub.NOTIFICATION, comment)).as("a restore is no new notification").isEqualTo(1);
    }

    /**
     * A community manager hides a post that mentioned me and restores it, and both decisions are applied in one poll:
     * what I see follows the last one. My list shows the mention again with my unread count back, my open page is told
     * it came back after it was told it left, and the same two decisions delivered again change nothing.
     */
    @Test
    void aHideAndItsRestoreInOnePollLeaveTheMentionShownOnTheOpenPageAndInTheList() throws Exception {
        String author = fresh("author"), manager = fresh("manager"), mentioned = FeedFixtures.person("mentioned");
        List<String> stream = connect(mentioned);
        awaitLiveConsumerAssigned();
        String post = post(author, "<p>Compte rendu du comité pour @" + mentioned + "</p>", null);
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, post) == 1);
        String id = as(mentioned).get("/api/notifications").then().statusCode(200).extract().path("items[0].id");
        Activity create = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                FeedFixtures.activity(As2.CREATE, post), 1, PATIENCE).get(0).value());

        Instant now = Instant.now();
        List<KafkaProbe.Outgoing> decisions = List.of(decision(create, manager, "hide", now.plusMillis(1)),
                decision(create, manager, "restore", now.plusMillis(2)));
        KafkaProbe.publishTogether(Topics.ACTIVITIES, decisions);
        long restore = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> decisions.get(1).value().equals(r.value()), 1, PATIENCE)
                .get(0).offset();
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, r -> r.offset() == restore && decisions.get(1).value().equals(r.value()));

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_SHOWN_AGAIN, "\"id\":\"" + id + "\""));
        assertThat(indexOf(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK, id)).as("taken back, then shown again")
                .isLessThan(indexOf(stream, LiveHub.NOTIFICATIONS_SHOWN_AGAIN, id));
        assertThat(dataOf(stream, LiveHub.NOTIFICATIONS_SHOWN_AGAIN)).contains("\"read\":false", "\"unread\":1");
        assertThat(as(mentioned).get("/api/notifications").then().statusCode(200).extract().<List<String>>path("items.id"))
                .containsExactly(id);
        assertThat(as(mentioned).get("/api/notifications/unread-count").then().statusCode(200).extract().<Integer>path("unread"))
                .isEqualTo(1);

        int seen = stream.size();
        KafkaProbe.publishTogether(Topics.ACTIVITIES, decisions);
        FeedFixtures.awaitConsumed(NOTIFICATION_GROUP, r -> r.offset() > restore && decisions.get(1).value().equals(r.value()));
        assertThat(as(mentioned).get("/api/notifications").then().statusCode(200).extract().<List<String>>path("items.id"))
                .containsExactly(id);
        assertThat(as(mentioned).get("/api/notifications/unread-count").then().statusCode(200).extract().<Integer>path("unread"))
                .isEqualTo(1);
        assertThat(stream.subList(seen, stream.size())).noneMatch(l -> l.contains(id));
    }

    /**
     * A secret community's slug is confidential: the owner hides a post I wrote there after removing me, and my open
     * page is told of it as my list shows it, by the organisation's moderation and without the community's IRI.
     */
    @Test
    void aModerationNoticeAboutASecretCommunityIMayNoLongerSeeIsPushedWithoutItsSlug() throws Exception {
        String owner = FeedFixtures.person("owner"), author = FeedFixtures.person("author");
        String slug = community(owner, "secret", author);
        String post = post(author, "<p>Mon point d'étape</p>", slug);
        as(owner).delete("/api/communities/{s}/members/{l}", slug, author).then().statusCode(204);
        List<String> stream = connect(author);
        awaitLiveConsumerAssigned();

        decide(owner, post, "hide");

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATION, "\"kind\":\"hidden\""));
        assertThat(stream).filteredOn(l -> l.startsWith("data:") && l.contains("\"kind\":\"hidden\"")).singleElement()
                .asString().contains(post, NotificationPlanner.ORGANISATION_MODERATION);
        assertThat(stream).as("what my open page was told").noneMatch(l -> l.contains(slug));
    }

    /** A moderator's decision about a post, as feed-service publishes it (an Update of the whole object). */
    static KafkaProbe.Outgoing decision(Activity create, String moderator, String action, Instant at) {
        Activity update = Activity.builder().type(As2.UPDATE).actor(Iri.person(moderator)).object(create.object())
                .to(create.object().to()).cc(create.object().cc()).published(at)
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.decision(action, "Vérification")).build())
                .build();
        return new KafkaProbe.Outgoing(RecordKey.of(update), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(update),
                CloudEventAttributes.type(update), CloudEventAttributes.FEED_SOURCE, create.object().id()),
                ActivityJson.writeString(update));
    }

    /**
     * The live consumer takes a poll at a time: a record it cannot read, in the same poll as a new post's Create (the
     * same record published again, so both land in one batch of one partition), does not keep the post from the open
     * streams it belongs on.
     */
    @Test
    void aRecordNobodyCanReadDoesNotKeepTheRestOfItsPollFromOpenStreams() throws Exception {
        String author = FeedFixtures.person("author"), follower = FeedFixtures.person("follower");
        follow(follower, "person", author);
        List<String> stream = connect(follower);
        awaitLiveConsumerAssigned();
        String post = post(author, "<p>Poussé malgré son voisin</p>", null);
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.FEED_ITEM, post) == 1);
        ConsumerRecord<String, String> created = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null
                && r.value().contains(post) && As2.CREATE.equals(ActivityJson.read(r.value()).type()), 1, PATIENCE).get(0);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        created.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));

        KafkaProbe.publishTogether(Topics.ACTIVITIES, List.of(
                new KafkaProbe.Outgoing(created.key(), headers, "{\"type\":\"Create\",\"object\":"), // cut short: not an activity
                new KafkaProbe.Outgoing(created.key(), headers, created.value())));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(countEvents(stream, LiveHub.FEED_ITEM, post)).as("feed-item events in %s", stream).isEqualTo(2));
    }

    /** The position of the first event of that name whose data contains {@code containing}; -1 when there is none. */
    static int indexOf(List<String> lines, String event, String containing) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isEvent(lines.get(i), event) && lines.get(i + 1).startsWith("data:") && lines.get(i + 1).contains(containing)) return i;
        }
        return -1;
    }

    /**
     * Like → (I read it) → unlike → like: the new like is news to me, so my open page is told of it as of any new
     * notification, with my count raised, and my list holds one notification of that like, unread.
     */
    @Test
    void aLikeAfterAnUnlikeOfAReadNotificationIsToldOnTheOpenStreamAsNew() throws Exception {
        String author = FeedFixtures.person("author"), fan = fresh("fan");
        String post = post(author, "<p>Photos du séminaire</p>", null);
        List<String> stream = connect(author);
        awaitLiveConsumerAssigned();
        as(fan).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", Iri.localId(post))
                .then().statusCode(200);
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, "\"kind\":\"reaction\"") == 1);
        String id = as(author).get("/api/notifications").then().statusCode(200).extract().path("items[0].id");
        as(author).post("/api/notifications/{id}/read", id).then().statusCode(204);
        as(fan).delete("/api/posts/{id}/reactions/mine", Iri.localId(post)).then().statusCode(200);
        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK, id));

        as(fan).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", Iri.localId(post))
                .then().statusCode(200);

        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, "\"kind\":\"reaction\"") == 2);
        assertThat(dataOf(stream, LiveHub.NOTIFICATION)).contains("\"detail\":\"celebrate\"", "\"read\":false");
        JsonPath listed = as(author).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.findAll { it.kind == 'reaction' }.detail", String.class)).containsExactly("celebrate");
        assertThat(listed.getList("items.findAll { it.kind == 'reaction' }.read", Boolean.class)).containsExactly(false);
        assertThat(as(author).get("/api/notifications/unread-count").then().statusCode(200).extract().<Integer>path("unread"))
                .isEqualTo(1);
    }

    /** An erased colleague's request to join my community leaves my open page at once, badge included. */
    @Test
    void anErasedPersonsNotificationsAreTakenBackFromTheOpenStream() throws Exception {
        String owner = FeedFixtures.person("owner"), gone = fresh("gone");
        String slug = community(owner, "private");
        List<String> stream = connect(owner);
        awaitLiveConsumerAssigned();
        as(gone).post("/api/communities/{s}/join", slug).then().statusCode(200);
        await().atMost(PATIENCE).until(() -> countEvents(stream, LiveHub.NOTIFICATION, "\"kind\":\"join-request\"") == 1);
        String id = as(owner).get("/api/notifications").then().statusCode(200).extract().path("items[0].id");

        Activity erasure = PersonErasure.delete(Iri.person(gone),
                Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(gone),
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(erasure),
                        PersonErasure.CE_TYPE, CloudEventAttributes.PROFILE_SOURCE,
                        Iri.person(gone)), ActivityJson.writeString(erasure));

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK, "{\"ids\":[\"" + id + "\"],\"unread\":0}"));
    }

    static void decide(String moderator, String object, String action) {
        as(moderator).body(Map.of("object", object, "action", action, "reason", "Vérification"))
                .post("/api/moderation/actions").then().statusCode(200);
    }

    /** The data line of the last event of that name. */
    static String dataOf(List<String> lines, String event) {
        String data = null;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isEvent(lines.get(i), event) && lines.get(i + 1).startsWith("data:")) data = lines.get(i + 1);
        }
        return data;
    }

    static long countEvents(List<String> lines, String event, String containing) {
        long n = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isEvent(lines.get(i), event) && lines.get(i + 1).startsWith("data:") && lines.get(i + 1).contains(containing)) n++;
        }
        return n;
    }

    @Test
    void aPrivateCommunityPostIsPushedToMembersOnly() throws Exception {
        String owner = FeedFixtures.person("owner"), member = fresh("member"), follower = FeedFixtures.person("follower");
        String slug = community(owner, "private", member);
        follow(follower, "person", owner);
        List<String> memberStream = connect(member);
        List<String> followerStream = connect(follower);
        awaitLiveConsumerAssigned();

        String post = post(owner, "<p>Budget 2027, confidentiel</p>", slug);

        await().atMost(PATIENCE).until(() -> hasEvent(memberStream, "feed-item", post));
        // the same activity was judged for both connections in the same pass; give the send a moment to land
        String marker = post(owner, "<p>Ouvert à tous</p>", null);
        await().atMost(PATIENCE).until(() -> hasEvent(followerStream, "feed-item", marker));
        assertThat(String.join("\n", followerStream)).doesNotContain(post);
    }
}
