package io.relais.web.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for one service that checks every request the web app sends against that service's OpenAPI
 * document — the operation exists; every query parameter is declared, within its bounds, and the required
 * ones are there; a body is sent exactly when the operation takes one, of its media type, with its required
 * fields and no field it does not know — and answers with the document's own example, so pages render
 * as they would with the real service. What it found wrong is kept in {@link #violations()}.
 */
final class ServiceStub {

    /**
     * Bounds the services enforce (400 beyond them) but their OpenAPI documents do not declare yet: key
     * {@code "<template> <parameter>"} ({@code "* limit"} for every operation), value {@code {min, max}} for
     * numbers or {@code {0, maxLength}} for text. Read from the services' code (feed.limits.page-size,
     * feed.max-page-size, search's max-limit, SuggestResource.MAX, ExpertiseResource, profile's
     * directory.max-page-size, the q length checks); a bound the document declares takes precedence.
     */
    static final Map<String, Map<String, long[]>> UNDECLARED_BOUNDS = Map.of(
            "feed-service", Map.of("* limit", new long[]{1, 50}, "/api/communities q", new long[]{0, 80}),
            "profile-service", Map.of("/api/people limit", new long[]{1, 100}, "/api/expertise limit", new long[]{1, 100}),
            "search-service", Map.of("/api/search limit", new long[]{1, 50}, "/api/search/people limit", new long[]{1, 50},
                    "/api/search/suggest limit", new long[]{1, 20}, "/api/search/suggest q", new long[]{0, 100}));

    final OpenApiDocument document;
    private final HttpServer server;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private ServiceStub(String service) {
        document = OpenApiDocument.of(service);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    static ServiceStub start(String service) {
        return new ServiceStub(service);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        violations.clear();
        calls.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String call = method + " " + path + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        calls.add(call);
        Optional<OpenApiDocument.Operation> operation = document.byRequest(method, path);
        JsonNode example = null;
        if (operation.isEmpty()) {
            violations.add(document.service + ": no operation for " + call);
        } else {
            check(operation.get(), call, query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            example = operation.get().example();
        }
        byte[] answer = (example == null ? (method.equals("GET") ? "{}" : "") : example.toString()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.length == 0) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    private void check(OpenApiDocument.Operation op, String call, Map<String, List<String>> query, String contentType, byte[] body) {
        String where = document.service + " " + op.method() + " " + op.template() + " (" + call + ")";
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            Optional<JsonNode> declared = op.parameter("query", q.getKey());
            if (declared.isEmpty()) {
                violations.add(where + ": query parameter '" + q.getKey() + "' is not declared");
                continue;
            }
            for (String value : q.getValue()) {
                checkValue(where, op.template(), q.getKey(), document.resolve(declared.get().path("schema")), value);
            }
        }
        for (JsonNode p : op.parameters("query")) {
            if (p.path("required").asBoolean(false) && !query.containsKey(p.path("name").asText())) {
                violations.add(where + ": required query parameter '" + p.path("name").asText() + "' is missing");
            }
        }
        List<String> mediaTypes = op.bodyMediaTypes();
        boolean sent = body.length > 0;
        if (sent && mediaTypes.isEmpty()) {
            violations.add(where + ": sends a body, the operation takes none");
        } else if (!sent && op.bodyRequired()) {
            violations.add(where + ": the operation requires a body, none sent");
        } else if (sent) {
            String base = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (mediaTypes.stream().noneMatch(t -> t.equals(base) || t.equals("*/*"))) {
                violations.add(where + ": body of type " + base + ", the operation takes " + mediaTypes);
            } else if (base.equals("application/json")) {
                checkJsonBody(where, op, body);
            }
        }
    }

    private void checkValue(String where, String template, String name, JsonNode schema, String value) {
        long[] bounds = UNDECLARED_BOUNDS.getOrDefault(document.service, Map.of()).get(template + " " + name);
        if (bounds == null) {
            bounds = UNDECLARED_BOUNDS.getOrDefault(document.service, Map.of()).get("* " + name);
        }
        boolean numeric = types(schema).contains("integer") || types(schema).contains("number");
        if (numeric) {
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                violations.add(where + ": '" + name + "' = '" + value + "' is not a number");
                return;
            }
            long min = schema.has("minimum") ? schema.get("minimum").asLong() : bounds != null ? bounds[0] : Long.MIN_VALUE;
            long max = schema.has("maximum") ? schema.get("maximum").asLong() : bounds != null ? bounds[1] : Long.MAX_VALUE;
            if (n < min || n > max) {
                violations.add(where + ": '" + name + "' = " + n + " is outside " + min + ".." + max);
            }
        } else {
            long maxLength = schema.has("maxLength") ? schema.get("maxLength").asLong() : bounds != null ? bounds[1] : Long.MAX_VALUE;
            if (value.codePointCount(0, value.length()) > maxLength) {
                violations.add(where + ": '" + name + "' is longer than " + maxLength);
            }
            if (schema.has("enum")) {
                boolean listed = false;
                for (JsonNode allowed : schema.get("enum")) {
                    listed |= allowed.asText().equals(value);
                }
                if (!listed) {
                    violations.add(where + ": '" + name + "' = '" + value + "' is not one of " + schema.get("enum"));
                }
            }
        }
    }

    private void checkJsonBody(String where, OpenApiDocument.Operation op, byte[] body) {
        JsonNode schema = document.resolve(op.node().path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode json;
        try {
            json = OpenApiDocument.JSON.readTree(body);
        } catch (IOException e) {
            violations.add(where + ": body is not JSON");
            return;
        }
        if (!json.isObject() || !schema.has("properties")) {
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!json.has(required.asText())) {
                violations.add(where + ": body lacks required field '" + required.asText() + "'");
            }
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!schema.path("properties").has(field)) {
                violations.add(where + ": body field '" + field + "' is not in the operation's schema " + schema.path("properties").fieldNames());
            }
        }
    }

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
