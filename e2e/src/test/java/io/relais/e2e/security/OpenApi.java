package io.relais.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations every service declares in its OpenAPI document ({@code /q/openapi?format=json} on its management port), the one
 * list of endpoints the security suite trusts: an endpoint added to a service shows up here, and the
 * authorisation matrix fails until someone writes down who may call it.
 */
final class OpenApi {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static volatile List<Operation> cached;

    private OpenApi() {
    }

    /**
     * One operation of one service.
     *
     * @param requestTypes media types of the request body, empty when there is none
     * @param example      the body example the document gives (first of the JSON ones), if any
     * @param queryParams  query parameter names
     * @param streaming    answers with server-sent events (the answer never ends: only its status is read)
     */
    record Operation(String service, String method, String path, List<String> requestTypes, Optional<String> example,
                     List<String> queryParams, boolean streaming) {

        String key() {
            return service + " " + method + " " + path;
        }

        boolean hasBody() {
            return !requestTypes.isEmpty();
        }

        boolean takesJson() {
            return requestTypes.stream().anyMatch(t -> t.contains("json") || t.equals("*/*"));
        }
    }

    /** Every operation of every service, sorted by service, path and method. */
    static synchronized List<Operation> operations() {
        if (cached != null) return cached;
        List<Operation> all = new ArrayList<>();
        for (Map.Entry<String, String> s : new TreeMap<>(Stack.SERVICES).entrySet()) {
            String body = RestAssured.given().accept("application/json").get(Stack.MANAGEMENT.get(s.getKey()) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString();
            JsonNode doc;
            try {
                doc = Activities.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the OpenAPI document of " + s.getKey() + " is not JSON", e);
            }
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> p = paths.next();
                List<String> pathLevelQuery = queryParams(p.getValue().path("parameters"));
                Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields();
                while (ops.hasNext()) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) continue;
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    List<String> types = new ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    List<String> query = new ArrayList<>(pathLevelQuery);
                    query.addAll(queryParams(op.getValue().path("parameters")));
                    boolean streaming = op.getValue().path("responses").toString().contains("text/event-stream");
                    all.add(new Operation(s.getKey(), op.getKey().toUpperCase(Locale.ROOT), p.getKey(), types,
                            example(doc, content), query, streaming));
                }
            }
        }
        all.sort((a, b) -> a.key().compareTo(b.key()));
        cached = List.copyOf(all);
        return cached;
    }

    private static List<String> queryParams(JsonNode parameters) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : parameters) if ("query".equals(p.path("in").asText())) out.add(p.path("name").asText());
        return out;
    }

    /** A JSON example of the body: the media type's example(s), else the referenced schema's example. */
    private static Optional<String> example(JsonNode doc, JsonNode content) {
        Iterator<Map.Entry<String, JsonNode>> it = content.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> c = it.next();
            if (!c.getKey().contains("json")) continue;
            JsonNode media = c.getValue();
            if (media.has("example")) return Optional.of(text(media.get("example")));
            if (media.has("examples")) {
                for (JsonNode e : media.get("examples")) if (e.has("value")) return Optional.of(text(e.get("value")));
            }
            JsonNode schema = media.path("schema");
            if (schema.has("$ref")) schema = resolve(doc, schema.get("$ref").asText());
            if (schema.has("example")) return Optional.of(text(schema.get("example")));
        }
        return Optional.empty();
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode n = doc;
        for (String part : ref.replaceFirst("^#/", "").split("/")) n = n.path(part);
        return n;
    }

    // an example is either JSON already or a string holding JSON
    private static String text(JsonNode example) {
        return example.isTextual() ? example.asText() : example.toString();
    }
}
