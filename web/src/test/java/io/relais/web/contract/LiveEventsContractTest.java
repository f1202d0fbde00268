package io.relais.web.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's live streams listen for exactly the events feed-service documents for them (its OpenAPI examples of
 * {@code GET /api/live} and {@code GET /api/live/threads/{postId}}, which feed-service's {@code LiveStreamTest} checks
 * against what it sends): a renamed event, or one the page would never hear of, fails here rather than leaving a
 * badge stale until a reload. The web app relays the streams unchanged ({@code LiveRelay}).
 */
class LiveEventsContractTest {

    static final OpenApiDocument FEED = OpenApiDocument.of("feed-service");
    static final Pattern EVENT = Pattern.compile("(?m)^event: *([\\w-]+)$");
    static final Pattern LISTENER = Pattern.compile("source\\.addEventListener\\('([\\w-]+)'");

    static String script() throws IOException {
        return Files.readString(Path.of("src", "main", "resources", "META-INF", "resources", "js", "relais.js"),
                StandardCharsets.UTF_8);
    }

    /** The documented stream of an operation: event name → its example data line. */
    static Map<String, String> documented(String template) {
        String stream = FEED.byTemplate("GET", template).orElseThrow().example().asText();
        Map<String, String> events = new LinkedHashMap<>();
        Matcher m = EVENT.matcher(stream);
        while (m.find()) {
            int data = stream.indexOf("data:", m.end());
            events.put(m.group(1), data < 0 ? "" : stream.substring(data + "data:".length(), stream.indexOf('\n', data)).trim());
        }
        return events;
    }

    /** The events a function of the page's script listens for on its EventSource. */
    static Set<String> listenedIn(String script, String function, String nextFunction) {
        int start = script.indexOf("function " + function + "(");
        int end = script.indexOf("function " + nextFunction + "(", start);
        assertThat(start).as("relais.js has %s", function).isNotNegative();
        Set<String> names = new TreeSet<>();
        Matcher m = LISTENER.matcher(script.substring(start, end));
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void thePageListensForEveryEventOfMyLiveStreamAndNoOther() throws IOException {
        assertThat(listenedIn(script(), "startLive", "startLiveThreads"))
                .containsExactlyInAnyOrderElementsOf(documented("/api/live").keySet());
    }

    @Test
    void thePageListensForEveryEventOfAnOpenThreadsStreamAndNoOther() throws IOException {
        assertThat(listenedIn(script(), "startLiveThreads", "refreshOpenThread"))
                .containsExactlyInAnyOrderElementsOf(documented("/api/live/threads/{postId}").keySet());
    }

    /** The page drops the list items of the ids a take-back names, and reads the badge again. */
    @Test
    void aTakeBackCarriesTheNotificationIdsTheListIsKeyedBy() throws IOException {
        JsonNode data = OpenApiDocument.JSON.readTree(documented("/api/live").get("notifications-taken-back"));
        assertThat(data.path("ids").isArray()).isTrue();
        assertThat(data.path("unread").isNumber()).isTrue();
        // the list's items are n-<id> (notification/list.html), the id as GET /api/notifications gives it
        assertThat(Files.readString(Path.of("src", "main", "resources", "templates", "notification", "list.html")))
                .contains("{#include notification/item n=n /}");
        assertThat(Files.readString(Path.of("src", "main", "resources", "templates", "notification", "item.html")))
                .contains("id=\"n-{fmt:localId(n.id)}\"");
    }

    /**
     * The page puts a notification listed again back at its place in an open list: the event names each as the list
     * does (its id, and its time, by which the list is ordered; the page reads the item itself from the web app), and
     * the unread count for the badge.
     */
    @Test
    void aNotificationShownAgainCarriesTheIdAndTimeTheListIsOrderedBy() throws IOException {
        JsonNode data = OpenApiDocument.JSON.readTree(documented("/api/live").get("notifications-shown-again"));
        assertThat(data.path("unread").isNumber()).isTrue();
        assertThat(data.path("notifications").isArray()).isTrue();
        JsonNode first = data.path("notifications").path(0);
        assertThat(first.path("id").isTextual()).isTrue();
        assertThat(java.time.Instant.parse(first.path("at").asText())).isNotNull();
        // the items carry what the script compares (notification/item.html), the id as GET /api/notifications gives it
        assertThat(Files.readString(Path.of("src", "main", "resources", "templates", "notification", "item.html")))
                .contains("data-id=\"{n.id}\"", "data-at=\"{n.at}\"");
    }
}
