package io.relais.web.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service's OpenAPI document, as its own build stores it ({@code quarkus.smallrye-openapi.store-schema-directory}
 * → {@code <service>/target/openapi/openapi.json}); when that service was not built in this checkout, the copy kept
 * in {@code src/test/resources/openapi/<service>.json} (refresh it by copying the built one).
 * Answers what a call may be: does the operation exist, which parameters it declares, with which bounds, and
 * whether it takes a body of which media type and shape.
 */
final class OpenApiDocument {

    static final ObjectMapper JSON = new ObjectMapper();

    final String service;
    final String origin;
    private final JsonNode root;

    private OpenApiDocument(String service, String origin, JsonNode root) {
        this.service = service;
        this.origin = origin;
        this.root = root;
    }

    static OpenApiDocument of(String service) {
        Path built = Path.of("..", service, "target", "openapi", "openapi.json");
        Path kept = Path.of("src", "test", "resources", "openapi", service + ".json");
        Path file = Files.isRegularFile(built) ? built : kept;
        try {
            return new OpenApiDocument(service, file.toString(), JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("no OpenAPI document for " + service + " at " + built + " nor " + kept, e);
        }
    }

    /** One operation: its path template as the document writes it and its node. */
    record Operation(String method, String template, JsonNode node) {

        /** The declared parameter of this name and place ({@code query}, {@code path}, {@code header}). */
        Optional<JsonNode> parameter(String in, String name) {
            for (JsonNode p : node.path("parameters")) {
                if (in.equals(p.path("in").asText()) && name.equals(p.path("name").asText())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        /** Media types of the request body, empty when the operation takes none. */
        List<String> bodyMediaTypes() {
            List<String> types = new ArrayList<>();
            node.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        boolean bodyRequired() {
            return node.path("requestBody").path("required").asBoolean(false);
        }

        /** The documented example of the first 2xx answer, or null. */
        JsonNode example() {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                if (!r.getKey().startsWith("2")) {
                    continue;
                }
                for (JsonNode media : r.getValue().path("content")) {
                    JsonNode ex = media.path("examples").elements().hasNext() ? media.path("examples").elements().next().path("value")
                            : media.path("example");
                    if (!ex.isMissingNode()) {
                        return ex.isTextual() ? parsedOrText(ex) : ex;
                    }
                }
            }
            return null;
        }

        private static JsonNode parsedOrText(JsonNode text) {
            try {
                return JSON.readTree(text.asText());
            } catch (IOException notJson) {
                return text;
            }
        }
    }

    /** The operation for a client's path template ({@code /api/posts/{id}}), whatever its parameter names. */
    Optional<Operation> byTemplate(String method, String template) {
        String wanted = normalise(template);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (normalise(path.getKey()).equals(wanted) && path.getValue().has(method.toLowerCase(Locale.ROOT))) {
                return Optional.of(new Operation(method, path.getKey(), path.getValue().get(method.toLowerCase(Locale.ROOT))));
            }
        }
        return Optional.empty();
    }

    /** The operation a concrete request path falls on; a literal segment wins over a template one. */
    Optional<Operation> byRequest(String method, String requestPath) {
        Operation best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode op = path.getValue().get(method.toLowerCase(Locale.ROOT));
            if (op == null || !pattern(path.getKey()).matcher(requestPath).matches()) {
                continue;
            }
            int literals = path.getKey().replaceAll("\\{[^}]+}", "").length();
            if (literals > bestLiterals) {
                best = new Operation(method, path.getKey(), op);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A schema, following one {@code $ref} into components. */
    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return schema;
        }
        JsonNode target = root;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    static String normalise(String template) {
        return template.replaceAll("\\{[^}]+}", "{}").replaceAll("/+$", "");
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String piece : template.split("(?=\\{)|(?<=})")) {
            regex.append(piece.startsWith("{") ? "[^/]+" : Pattern.quote(piece));
        }
        return Pattern.compile(regex + "/?");
    }
}
