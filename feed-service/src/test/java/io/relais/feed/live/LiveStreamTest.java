package io.relais.feed.live;

import io.relais.feed.feedview.FeedFixtures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.KafkaBroker;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aNewPostIsPushedToAConnectedFollowerAndAMentionAsANotification() throws Exception {
        String author = fresh("author"), follower = FeedFixtures.person("follower");
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

        as(author).delete("/api/posts/{id}", io.relais.events.Iri.localId(post)).then().statusCode(204);

        await().atMost(PATIENCE).until(() -> hasEvent(stream, LiveHub.NOTIFICATIONS_TAKEN_BACK,
                "{\"ids\":[\"" + id + "\"],\"unread\":0}"));
        assertThat(as(mentioned).get("/api/notifications/unread-count").then().statusCode(200).extract().<Integer>path("unread"))
                .isZero();
    }

    /** Every event the live stream sends is in its OpenAPI description, the contract the web app's page listens by. */
    @Test
    void everyLiveEventIsDescribedInTheOpenApiDocument() {
        String live = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getString("paths.'/api/live'.get.responses.'200'.content.'text/event-stream'.examples.stream.value");
        for (String event : List.of(LiveHub.READY, LiveHub.FEED_ITEM, LiveHub.NOTIFICATION, LiveHub.NOTIFICATIONS_TAKEN_BACK)) {
            assertThat(live).as("the documented stream").contains("event: " + event + "\n");
        }
        assertThat(live).contains("data: {\"ids\":[");
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
        String owner = fresh("owner"), member = fresh("member"), follower = FeedFixtures.person("follower");
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
