package io.relais.feed.live;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.asCommunityManager;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.post;
import static io.relais.feed.live.LiveStreamTest.awaitLiveConsumerAssigned;
import static io.relais.feed.live.LiveStreamTest.hasEvent;
import static io.relais.feed.live.LiveStreamTest.isEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thread's live stream ({@code GET /api/live/threads/{postId}}): everyone who has the thread open learns of its
 * comments as they are written, edited and deleted — not only the people notified — under the thread's own
 * visibility rule.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class LiveThreadTest {

    private final List<Stream<String>> open = new ArrayList<>();

    @AfterEach
    void disconnect() {
        open.forEach(Stream::close);
    }

    private static HttpResponse<Stream<String>> request(String login, String post) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/live/threads/"
                        + Iri.localId(post)))
                .header("Authorization", "Bearer " + TestTokens.employee(login))
                .header("Accept", "text/event-stream").GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    }

    /** Opens the thread's stream as the person and collects its lines; returns once the server said ready. */
    private List<String> watch(String login, String post) throws Exception {
        HttpResponse<Stream<String>> response = request(login, post);
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
        }, "thread-sse-" + login);
        reader.setDaemon(true);
        reader.start();
        await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> isEvent(l, LiveHub.READY)));
        return lines;
    }

    private static String comment(String login, String post, String content) {
        return as(login).body(Map.of("content", content)).post("/api/posts/{id}/comments", Iri.localId(post))
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aReaderWithTheThreadOpenSeesAnothersCommentArriveThoughNobodyNotifiedThem() throws Exception {
        String alice = fresh("alice"), bob = fresh("bob"), carol = fresh("carol");
        String slug = community(alice, "public", bob, carol);
        String post = post(alice, "Rétro de sprint : vos idées ?", slug);
        List<String> bobs = watch(bob, post);
        awaitLiveConsumerAssigned();

        String c = comment(carol, post, "Plus de **démos**");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(hasEvent(bobs, LiveHub.COMMENT, "\"action\":\"created\""))
                .as("comment event in %s", bobs).isTrue());
        String data = bobs.stream().filter(l -> l.startsWith("data:") && l.contains(c)).findFirst().orElseThrow();
        assertThat(data).contains("\"post\":\"" + post + "\"", "<strong>démos</strong>", "\"login\":\"" + carol + "\"");
    }

    /** A thread's events are HTML's server-sent events only: each had a {@code content-type:} line of RESTEasy's own. */
    @Test
    void everyEventOfAThreadIsMadeOfTheFieldsOfServerSentEventsOnly() throws Exception {
        String alice = fresh("alice"), bob = fresh("bob");
        String post = post(alice, "Des champs, rien que des champs", null);
        List<String> bobs = watch(bob, post);
        awaitLiveConsumerAssigned();

        String c = comment(alice, post, "Le premier");

        await().atMost(PATIENCE).until(() -> hasEvent(bobs, LiveHub.COMMENT, c));
        assertThat(LiveStreamTest.strayLines(bobs)).as("lines of the stream that are no field of an event, in %s", bobs).isEmpty();
    }

    @Test
    void whoMayNotSeeTheThreadCannotOpenItsStream() throws Exception {
        String owner = fresh("owner"), member = fresh("member"), outsider = fresh("outsider");
        String slug = community(owner, "private", member);
        String post = post(owner, "Budget confidentiel", slug);

        HttpResponse<Stream<String>> refused = request(outsider, post);
        refused.body().close();
        assertThat(refused.statusCode()).isEqualTo(404);

        List<String> members = watch(member, post);
        awaitLiveConsumerAssigned();
        String c = comment(owner, post, "Chiffres en annexe");
        await().atMost(PATIENCE).until(() -> hasEvent(members, LiveHub.COMMENT, c));
    }

    @Test
    void editsAndDeletesReachTheWatchers() throws Exception {
        String alice = fresh("alice"), bob = fresh("bob");
        String post = post(alice, "Question ouverte", null);
        String c = comment(alice, post, "Première version");
        List<String> bobs = watch(bob, post);
        awaitLiveConsumerAssigned();

        as(alice).body(Map.of("content", "Version corrigée")).put("/api/posts/{p}/comments/{c}", Iri.localId(post), Iri.localId(c))
                .then().statusCode(200);
        await().atMost(PATIENCE).until(() -> hasEvent(bobs, LiveHub.COMMENT, "\"action\":\"edited\""));
        assertThat(bobs.stream().filter(l -> l.contains("\"action\":\"edited\"")).findFirst().orElseThrow()).contains("Version corrigée");

        as(alice).delete("/api/posts/{p}/comments/{c}", Iri.localId(post), Iri.localId(c)).then().statusCode(204);
        await().atMost(PATIENCE).until(() -> hasEvent(bobs, LiveHub.COMMENT, "\"action\":\"deleted\""));
    }

    @Test
    void aCommentModerationHidesIsDeletedForOtherWatchersButNotForItsAuthor() throws Exception {
        String alice = fresh("alice"), bob = fresh("bob"), manager = fresh("cm");
        String post = post(alice, "Débat", null);
        List<String> alices = watch(alice, post);
        List<String> bobs = watch(bob, post);
        awaitLiveConsumerAssigned();
        // both watch before the comment exists, so its "created" is surely pushed before the hide, never after it
        String c = comment(bob, post, "Un avis tranché");
        await().atMost(PATIENCE).until(() -> hasEvent(alices, LiveHub.COMMENT, c) && hasEvent(bobs, LiveHub.COMMENT, c));
        int beforeHide = alices.size();

        asCommunityManager(manager).body(Map.of("object", c, "action", "hide", "reason", "hors charte"))
                .post("/api/moderation/actions").then().statusCode(200);

        await().atMost(PATIENCE).until(() -> hasEvent(alices, LiveHub.COMMENT, "\"action\":\"deleted\""));
        await().atMost(PATIENCE).until(() -> hasEvent(bobs, LiveHub.COMMENT, "\"action\":\"edited\""));
        assertThat(String.join("\n", alices.subList(beforeHide, alices.size()))).doesNotContain("Un avis tranché");
    }
}
