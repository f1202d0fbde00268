package io.relais.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.e2e.FailedExchangeLog;
import io.relais.e2e.security.AuthorizationMatrix.Row;
import io.relais.e2e.security.OpenApi.Operation;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile-input corpus, run against every write operation of every OpenAPI document, as a principal the
 * authorisation matrix allows (so the request reaches the code behind the gate): NUL and other control
 * characters, bidi overrides and zero-width characters, huge strings, a number or a boolean where a string
 * belongs, malformed JSON, deep nesting, an oversized body, {@code <script>} and htmx attributes.
 *
 * <p>Rules checked on every answer: never a 5xx; every 4xx is {@code application/problem+json} with its
 * status, naming the field when the payload broke one field; a 2xx stored nothing of the poison (no control,
 * bidi or zero-width character, no script or htmx attribute in HTML). After the corpus every service's
 * {@code /q/health} is UP.
 */
class HostileInputTest {

    static final String CONTROL = "a\u0000b\u0007c\u001b[31md";
    static final String BIDI = "abc\u202Egpj.exe\u202C\u200B\u2066x\u2069";
    static final String SCRIPT = "<p>hi<script>alert(1)</script><img src=x onerror=alert(2)>"
            + "<a hx-post=\"/api/follows/person/hugo\" hx-trigger=\"load\">x</a><div hx-get=\"/api/people\" hx-trigger=\"revealed\">y</div></p>";
    static final String HUGE = "x".repeat(200_000);
    /** Above Quarkus' default request limit (10 MiB): what no endpoint may take in. */
    static final int OVERSIZED_BYTES = 11 * 1024 * 1024;
    static final int DEPTH = 5_000;

    static World shared;

    @BeforeAll
    static void setUp() {
        FailedExchangeLog.enable();
        shared = World.create();
    }

    /** One hostile request: a description, its body, and the field it broke (null when the whole body is broken). */
    record Payload(String what, String contentType, byte[] body, String field, boolean mustBeRefused) {
    }

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointSurvivesTheCorpus() {
        Map<String, List<Row>> rowsByOperation = AuthorizationMatrix.rows().stream()
                .collect(Collectors.groupingBy(Row::key, LinkedHashMap::new, Collectors.toList()));
        return OpenApi.operations().stream().filter(Operation::hasBody)
                .map(op -> DynamicTest.dynamicTest(op.key(), () -> {
                    Optional<Map.Entry<Row, Principal>> allowed = allowedCaller(rowsByOperation.getOrDefault(op.key(), List.of()));
                    if (allowed.isEmpty()) fail(op.key() + ": no row of the matrix lets any principal call it");
                    corpus(op, allowed.get().getKey(), allowed.get().getValue());
                }));
    }

    @AfterAll
    static void everyServiceIsStillHealthy() {
        for (Map.Entry<String, String> s : Stack.SERVICES.entrySet()) {
            Response r = RestAssured.get(Stack.MANAGEMENT.get(s.getKey()) + "/q/health");
            assertThat(r.statusCode()).as("%s /q/health after the hostile corpus: %s", s.getKey(), r.asString()).isEqualTo(200);
            assertThat(r.jsonPath().getString("status")).as("%s health", s.getKey()).isEqualTo("UP");
        }
    }

    /** The first row (preferring the public community) and principal the matrix lets through the gate. */
    static Optional<Map.Entry<Row, Principal>> allowedCaller(List<Row> rows) {
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort((a, b) -> Boolean.compare(!a.community().matches("public|-"), !b.community().matches("public|-")));
        for (Row r : ordered) {
            for (Map.Entry<Principal, String> e : r.expected().entrySet()) {
                if (e.getValue().startsWith("ok")) return Optional.of(Map.entry(r, e.getKey()));
            }
        }
        return Optional.empty();
    }

    private static void corpus(Operation op, Row row, Principal who) {
        List<String> wrong = new ArrayList<>();
        // one world per operation (the corpus' own): an accepted poison changes only throw-away objects, and a new
        // world per accepted payload would soon hit the per-person community limit
        World world = row.fixture().equals("shared") ? shared
                : row.fixture().equals("fresh-invited") ? World.withInvitations() : World.create();
        for (Payload p : payloads(op, row)) {
            Response r;
            try {
                r = send(op, row, who, world, p);
            } catch (RuntimeException e) {
                wrong.add(p.what() + " → the connection failed without an answer (" + e.getMessage() + ")");
                continue;
            }
            String problem = judge(p, r, op.path().startsWith("/scim/"));
            if (problem != null) wrong.add(p.what() + " → " + problem);
        }
        if (!wrong.isEmpty()) fail(op.key() + " as " + who + ":\n  " + String.join("\n  ", wrong));
    }

    /** What is wrong with the answer to a hostile request, or null. */
    static String judge(Payload p, Response r, boolean scim) {
        int status = r.statusCode();
        String body = r.asString();
        String clipped = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        if (status >= 500) return "server error " + status + " " + clipped;
        if (status >= 400) {
            String type = String.valueOf(r.contentType());
            if (scim && type.startsWith("application/scim+json")) {
                // SCIM's own error shape (RFC 7644 §3.12), what provisioning clients parse: status is a string there
                if (!body.contains("urn:ietf:params:scim:api:messages:2.0:Error")) return status + " SCIM answer that is no SCIM Error: " + clipped;
                if (!String.valueOf(status).equals(r.jsonPath().getString("status"))) return status + " whose SCIM error says status " + r.jsonPath().getString("status");
                return null;
            }
            if (!type.startsWith("application/problem+json")) return status + " not problem+json (" + type + "): " + clipped;
            Integer problemStatus = r.jsonPath().get("status");
            if (problemStatus == null || problemStatus != status) return status + " whose problem says status " + problemStatus;
            if (p.field() != null && status != 413 && status != 415) {
                List<String> fields = r.jsonPath().getList("errors.field");
                boolean named = (fields != null && fields.stream().anyMatch(f -> f != null && f.contains(leaf(p.field()))))
                        || String.valueOf(r.jsonPath().getString("detail")).contains(leaf(p.field()));
                if (!named) return status + " does not name the field " + p.field() + ": " + clipped;
            }
            return null;
        }
        if (p.mustBeRefused() && batchRejected(r)) {
            // a batch answers 200 with one result per event: the refusal is in the event's result
            List<String> fields = r.jsonPath().getList("results[0].errors.field");
            boolean named = p.field() == null || (fields != null && fields.stream().anyMatch(f -> f != null && f.contains(leaf(p.field()))));
            return named ? null : "batch result does not name the field " + p.field() + ": " + clipped;
        }
        if (p.mustBeRefused()) return "accepted (" + status + ") instead of a 4xx: " + clipped;
        for (String poison : List.of("\u0000", "\\u0000", "\u0007", "\\u0007", "\u001b", "\\u001b", "\u202E", "\\u202e",
                "\u202E".toUpperCase(), "\u200B", "\\u200b", "\u2066", "\\u2066")) {
            if (body.contains(poison)) return "stored a control, bidi or zero-width character: " + clipped;
        }
        // HTML fields (post, comment and announcement content) are sanitised; plain-text fields are escaped where shown
        boolean html = p.field() != null && leaf(p.field()).equals("content");
        // the rendered HTML is what pages insert as markup; "source" is the author's text as typed (shown in the edit
        // form, always escaped), so it keeps what was typed and is left out of this check
        String rendered = html ? htmlOnly(body) : body;
        if (html && (rendered.contains("<script") || rendered.contains("onerror=") || rendered.matches("(?s).*\\bhx-(post|get|put|delete|trigger)=.*"))) {
            return "stored script or htmx attributes as HTML: " + clipped;
        }
        return null;
    }

    private static boolean batchRejected(Response r) {
        try {
            List<String> outcomes = r.jsonPath().getList("results.outcome");
            return outcomes != null && !outcomes.isEmpty() && outcomes.stream().allMatch("rejected"::equals);
        } catch (RuntimeException notABatchAnswer) {
            return false;
        }
    }

    private static String leaf(String field) {
        String f = field.replaceAll("\\[\\d+]", "");
        return f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : f;
    }

    private static Response send(Operation op, Row row, Principal who, World world, Payload p) {
        String url = target(op, row, world);
        RequestSpecification spec = who.request();
        if (p.contentType().startsWith("multipart/")) {
            spec.multiPart("file", "e2e.png", p.body(), "image/png");
        } else {
            String filled = AuthorizationMatrixTest.fill(new String(p.body(), StandardCharsets.UTF_8), row, world);
            spec.contentType(p.contentType()).body(filled.getBytes(StandardCharsets.UTF_8));
        }
        // the corpus is judged by judge(), which reports a clipped exchange: RestAssured's own failure log would
        // record every body, up to 11 MiB, for nothing
        RestAssuredConfig config = RestAssured.config().logConfig(LogConfig.logConfig());
        if (p.body().length >= OVERSIZED_BYTES) {
            // let the server refuse before the upload (Expect: 100-continue), as HTTP clients do for big bodies;
            // the suite's timeouts stay
            config = config.httpClient(config.getHttpClientConfig().setParam("http.protocol.expect-continue", true));
        }
        spec.config(config);
        return Stack.send(spec, op.method(), url);
    }

    private static String target(Operation op, Row row, World world) {
        // the same binding as the matrix; the URL is built without sending, then the body is ours
        return AuthorizationMatrixTest.url(row, op, world);
    }

    /** The corpus for one operation, derived from its valid body fixture. */
    static List<Payload> payloads(Operation op, Row row) {
        List<Payload> out = new ArrayList<>();
        if (op.requestTypes().contains("multipart/form-data") || (!op.takesJson() && AuthorizationMatrix.body(row).isEmpty())) {
            String type = op.requestTypes().contains("multipart/form-data") ? "multipart/form-data" : "image/png";
            out.add(new Payload("HTML disguised as a PNG", type, "<html><script>alert(1)</script></html>".getBytes(), null, true));
            out.add(new Payload("oversized body", type, new byte[OVERSIZED_BYTES], null, true));
            return out;
        }
        String contentType = AuthorizationMatrix.body(row).map(AuthorizationMatrix.Body::contentType).orElse("application/json");
        // placeholders (${unique}…) stay in the template and are filled per request, so each payload is new
        String valid = AuthorizationMatrixTest.rawBody(row, op).orElse("{}");
        JsonNode template;
        try {
            template = Activities.JSON.readTree(valid);
        } catch (Exception e) {
            throw new IllegalStateException(op.key() + ": body fixture is not JSON: " + valid, e);
        }
        out.add(new Payload("malformed JSON", contentType, "{\"a\": ".getBytes(), null, true));
        out.add(new Payload("deep nesting", contentType, deep(template.isArray()).getBytes(), null, true));
        out.add(new Payload("oversized body", contentType, oversized(template).getBytes(), null, true));
        out.add(new Payload("a JSON string instead of the object", contentType, "\"just a string\"".getBytes(), null, true));
        typo(op, template, contentType).ifPresent(out::add);
        for (String field : stringFields(template, "")) {
            out.add(mutate(template, field, "a number for a string", n -> JsonNodeFactory.instance.numberNode(123), contentType, true));
            out.add(mutate(template, field, "a boolean for a string", n -> JsonNodeFactory.instance.booleanNode(true), contentType, true));
            out.add(mutate(template, field, "an object for a string", n -> JsonNodeFactory.instance.objectNode().put("x", 1), contentType, true));
            out.add(mutate(template, field, "NUL and control characters", n -> text(n.asText(), CONTROL), contentType, false));
            out.add(mutate(template, field, "bidi override and zero-width characters", n -> text(n.asText(), BIDI), contentType, false));
            out.add(mutate(template, field, "a 200,000-character string", n -> JsonNodeFactory.instance.textNode(HUGE), contentType, false));
            out.add(mutate(template, field, "<script> and htmx attributes", n -> text(n.asText(), SCRIPT), contentType, false));
        }
        return out;
    }

    /**
     * The valid body plus a misspelling of its first field ({@code content} → {@code contetn}): a field the endpoint
     * does not know must be refused naming it, never ignored (a misspelled {@code audience} once published to the
     * whole organisation). Not for SCIM, whose clients send attributes a service provider does not support (RFC 7643),
     * nor for CloudEvents, whose unknown top-level attributes are extensions by that specification.
     */
    private static Optional<Payload> typo(Operation op, JsonNode template, String contentType) {
        if (!template.isObject() || template.isEmpty() || op.path().startsWith("/scim/") || template.has("specversion")
                || contentType.contains("cloudevents")) {
            return Optional.empty();
        }
        String first = template.fieldNames().next();
        String misspelt = first.length() > 2 ? first.substring(0, first.length() - 2) + first.charAt(first.length() - 1)
                + first.charAt(first.length() - 2) : first + "x";
        if (template.has(misspelt)) return Optional.empty();
        ObjectNode body = template.deepCopy();
        body.set(misspelt, template.get(first));
        return Optional.of(new Payload("a misspelled field (" + misspelt + ")", contentType, body.toString().getBytes(StandardCharsets.UTF_8),
                misspelt, true));
    }

    // keeps the valid value's shape (a login stays a login) and appends the poison to it
    private static JsonNode text(String valid, String poison) {
        return JsonNodeFactory.instance.textNode(valid + poison);
    }

    private static Payload mutate(JsonNode template, String field, String what, Function<JsonNode, JsonNode> change,
                                  String contentType, boolean refuse) {
        JsonNode copy = template.deepCopy();
        replace(copy, field, change);
        return new Payload(what + " in " + field, contentType, copy.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                field, refuse);
    }

    /** Paths ({@code a.b[0].c}) of every string value in the template. */
    static List<String> stringFields(JsonNode n, String prefix) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(prefix);
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.addAll(stringFields(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey()));
            }
        } else if (n.isArray() && !n.isEmpty()) {
            out.addAll(stringFields(n.get(0), prefix + "[0]"));
        }
        return out;
    }

    private static void replace(JsonNode root, String path, Function<JsonNode, JsonNode> change) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String name = part.replaceAll("\\[\\d+]$", "");
            boolean indexed = part.endsWith("[0]");
            boolean last = i == parts.length - 1;
            if (parent.isArray() && name.isEmpty()) { // a top-level array: "[0].x"
                if (last) {
                    ((ArrayNode) parent).set(0, change.apply(parent.get(0)));
                    return;
                }
                parent = parent.get(0);
                continue;
            }
            JsonNode child = parent.get(name);
            if (indexed) {
                if (last) {
                    ((ArrayNode) child).set(0, change.apply(child.get(0)));
                    return;
                }
                parent = child.get(0);
            } else {
                if (last) {
                    ((ObjectNode) parent).set(name, change.apply(child));
                    return;
                }
                parent = child;
            }
        }
    }

    private static String deep(boolean array) {
        String open = "{\"a\":".repeat(DEPTH);
        String close = "}".repeat(DEPTH);
        return array ? "[" + open + "1" + close + "]" : open + "1" + close;
    }

    private static String oversized(JsonNode template) {
        StringBuilder b = new StringBuilder(OVERSIZED_BYTES + 100);
        b.append("{\"padding\":\"");
        b.append("y".repeat(OVERSIZED_BYTES));
        b.append("\"}");
        return template.isArray() ? "[" + b + "]" : b.toString();
    }

    /** The answer without its {@code source} fields (the author's verbatim text beside the rendered HTML). */
    private static String htmlOnly(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            stripSource(node);
            return node.toString();
        } catch (java.io.IOException notJson) {
            return json;
        }
    }

    private static void stripSource(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) o.remove("source");
        node.forEach(HostileInputTest::stripSource);
    }

    /**
     * Character references are decoded by Markdown after the author's text was cleaned: {@code &#x202E;} (hex),
     * {@code &#8238;} (decimal) and {@code &NoBreak;} (named) must not bring a bidi override or an invisible character
     * into what readers get, and a blocked word written {@code b&#108;ockedword} or {@code blo**cked**word} is the word
     * readers see, refused like the plain one. The organisation's rules are given back as they were.
     */
    @Test
    void characterReferencesNeitherSmuggleInvisibleCharactersNorSplitABlockedWord() {
        String word = "blockedword" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        JsonNode before = Stack.as("carol").get(Stack.FEED + "/api/moderation/rules").then().statusCode(200).extract().as(JsonNode.class);
        ArrayNode rules = ((ArrayNode) before.get("rules")).deepCopy();
        rules.addObject().put("term", word).put("mode", "block");
        ObjectNode withWord = JsonNodeFactory.instance.objectNode().set("rules", rules);
        Stack.as("carol").contentType("application/json").body(withWord.toString()).put(Stack.FEED + "/api/moderation/rules")
                .then().statusCode(200);
        try {
            String id = Stack.as("alice").contentType("application/json")
                    .body(Map.of("content", "Facture &#x202E;fdp.exe &#8238;gnp a&NoBreak;b c&#x200B;d"))
                    .post(Stack.FEED + "/api/posts").then().statusCode(201).extract().path("id");
            String html = Stack.as("bob").get(Stack.FEED + "/api/posts/" + id.substring(id.lastIndexOf(':') + 1)).then().statusCode(200)
                    .extract().path("post.content");
            assertThat(html).doesNotContain("\u202E", "\u2060", "\u200B").contains("fdp.exe", "gnp", "ab", "cd");

            String spelled = word.replaceFirst("l", "&#108;");
            String split = word.substring(0, 3) + "**" + word.substring(3, 7) + "**" + word.substring(7);
            for (String text : List.of(word + " here", spelled + " here", split + " here")) {
                Stack.as("alice").contentType("application/json").body(Map.of("content", text)).post(Stack.FEED + "/api/posts")
                        .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("content"));
            }
        } finally {
            ObjectNode previous = JsonNodeFactory.instance.objectNode().set("rules", before.get("rules"));
            Stack.as("carol").contentType("application/json").body(previous.toString()).put(Stack.FEED + "/api/moderation/rules")
                    .then().statusCode(200);
        }
    }
}
