package io.relais.web.live;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's streams ({@code /live}, {@code /live/threads/{postId}}) relay feed-service's events as HTML's server-sent
 * events define them, read here as the raw text the browser's EventSource parses: every event carried an empty
 * {@code id:} line, which resets the browser's Last-Event-ID, and a heartbeat came as an empty {@code message} event.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class RelayedEventsTest {

    static final String FEED_STREAM = """
            event:ready
            data:{}

            :heartbeat

            event:feed-item
            data:{"postId":"urn:relais:post:p1"}

            """;

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void myStreamsEventsAreRelayedWithTheirEventAndDataLinesOnly() {
        SERVICES.onEvents("GET /api/live", FEED_STREAM);

        String stream = read("/live");

        assertThat(strayLines(stream)).as("lines that are no field of an event, in:%n%s", stream).isEmpty();
        assertThat(stream.lines()).as("id lines").noneMatch(l -> l.startsWith("id:"));
        assertThat(stream).contains("event:ready\ndata:{}\n\n", "event:feed-item\ndata:{\"postId\":\"urn:relais:post:p1\"}\n\n");
    }

    @Test
    void aHeartbeatStaysACommentAndIsNoEvent() {
        SERVICES.onEvents("GET /api/live", FEED_STREAM);

        String stream = read("/live");

        assertThat(stream.lines()).contains(":heartbeat").doesNotContain("event:message");
    }

    @Test
    void anIdFeedServiceGivesIsRelayedSoTheBrowserCanResumeFromIt() {
        SERVICES.onEvents("GET /api/live", """
                id:41
                event:notification
                data:{"id":"n41"}

                """);

        String stream = read("/live");

        assertThat(stream).contains("id:41\n");
        assertThat(strayLines(stream)).isEmpty();
    }

    @Test
    void anOpenThreadsEventsAreRelayedWithTheirEventAndDataLinesOnly() {
        SERVICES.onEvents("GET /api/live/threads/p1", """
                event:ready
                data:{}

                event:comment
                data:{"action":"created","post":"urn:relais:post:p1","id":"urn:relais:comment:c1"}

                """);

        String stream = read("/live/threads/p1");

        assertThat(strayLines(stream)).as("lines that are no field of an event, in:%n%s", stream).isEmpty();
        assertThat(stream.lines()).as("id lines").noneMatch(l -> l.startsWith("id:"));
        assertThat(stream).contains("event:comment\ndata:{\"action\":\"created\"");
    }

    /** The whole relayed stream, which ends when feed-service's does. */
    private static String read(String path) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept", "text/event-stream")
                .get(path).then().statusCode(200).contentType("text/event-stream").extract().asString();
    }

    /**
     * The lines that are not part of an event as the spec defines it: an {@code event:} or {@code data:} field, an
     * {@code id:} field with a value, a comment, or the blank line that ends an event.
     */
    static List<String> strayLines(String stream) {
        return stream.lines().filter(l -> !(l.isEmpty() || l.startsWith(":") || l.startsWith("event:") || l.startsWith("data:")
                || (l.startsWith("id:") && !l.substring("id:".length()).isBlank()))).toList();
    }
}
