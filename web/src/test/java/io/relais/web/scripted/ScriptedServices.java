package io.relais.web.scripted;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * feed-, profile- and search-service played by one local HTTP server whose answers a test sets per request line
 * ({@code "POST /api/communities/c/leave"}), so a page can be shown what a service says in a given situation
 * (a 409 for the last owner, an empty people search), or a live stream's events. Unscripted GETs answer {@code {}},
 * other methods 204.
 * Every request is kept with its body, to assert what the web app sent, or did not send.
 */
public final class ScriptedServices {

    public static final ScriptedServices SERVICES = new ScriptedServices();

    /**
     * An answer: status, body (empty for none), its media type (null: JSON, or problem+json for a refusal) and any other
     * response headers.
     */
    public record Answer(int status, String json, String mediaType, Map<String, String> headers) {

        /** A JSON answer. */
        public Answer(int status, String json) {
            this(status, json, null, Map.of());
        }

        /** An answer of this media type. */
        public Answer(int status, String json, String mediaType) {
            this(status, json, mediaType, Map.of());
        }
    }

    /** A request as received: {@code "METHOD /path?query"}, its body and the value of each request header it had. */
    public record Call(String line, String body, Map<String, String> headers) {

        /** The request header's value ({@code name} in any case), or null when it was not sent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    private ScriptedServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code line} (method and path, no query) with this status and JSON from now on. */
    public ScriptedServices on(String line, int status, String json) {
        script.put(line, new Answer(status, json));
        return this;
    }

    /**
     * Answers {@code line} with a 200 {@code text/event-stream} of these raw lines from now on, which then ends (as a
     * stream does when the service closes it).
     */
    public ScriptedServices onEvents(String line, String stream) {
        script.put(line, new Answer(200, stream, "text/event-stream"));
        return this;
    }

    /** Answers {@code line} with this whole answer (a body of another media type, response headers) from now on. */
    public ScriptedServices on(String line, Answer answer) {
        script.put(line, answer);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        script.clear();
        calls.clear();
    }

    /** The request lines received, without their query strings. */
    public List<String> lines() {
        return calls().stream().map(c -> c.line().replaceFirst("\\?.*", "")).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        calls.add(new Call(method + " " + path + (query == null ? "" : "?" + query),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), Map.copyOf(headers)));
        Answer a = script.getOrDefault(method + " " + path, "GET".equals(method) ? new Answer(200, "{}") : new Answer(204, ""));
        byte[] body = a.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", a.mediaType() != null ? a.mediaType()
                : a.status() >= 400 ? "application/problem+json" : "application/json");
        a.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (body.length == 0) {
            exchange.sendResponseHeaders(a.status(), -1);
        } else {
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The web app with every REST client pointed at the scripted services. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = SERVICES.url();
            return Map.of("quarkus.rest-client.feed.url", url, "quarkus.rest-client.live.url", url,
                    "quarkus.rest-client.profile.url", url, "quarkus.rest-client.search.url", url);
        }
    }
}
