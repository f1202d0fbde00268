package io.relais.e2e.security;

import io.relais.e2e.FailedExchangeLog;
import io.relais.e2e.security.AuthorizationMatrix.Row;
import io.relais.e2e.security.OpenApi.Operation;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorisation matrix: every operation of every service's OpenAPI document, called by every principal
 * (anonymous, employee, former member, member, moderator, owner, community manager, admin, and the hr, crm and
 * ecm connector clients), each answer checked against {@code authorization-matrix.csv}. An operation without
 * a row fails {@link #everyOperationOfEveryServiceHasAnExpectation} with its name; a row whose operation is
 * gone fails {@link #everyRowNamesAnOperationThatExists}.
 */
class AuthorizationMatrixTest {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z-]+)}");
    private static final Map<String, String> DEFAULT_BINDINGS = Map.of(
            "slug", "@slug", "postId", "@post", "commentId", "@comment", "login", "@member", "tag", "@tag",
            "skill", "@skill");

    static World shared;

    @BeforeAll
    static void setUp() {
        FailedExchangeLog.enable();
        shared = World.create();
    }

    @Test
    void everyOperationOfEveryServiceHasAnExpectation() {
        Set<String> covered = AuthorizationMatrix.rows().stream().map(Row::key).collect(Collectors.toSet());
        List<String> missing = OpenApi.operations().stream().map(Operation::key).filter(k -> !covered.contains(k)).toList();
        assertThat(missing)
                .as("operations in the services' OpenAPI documents without a row in %s: write down who may call them",
                        AuthorizationMatrix.CSV)
                .isEmpty();
    }

    @Test
    void everyRowNamesAnOperationThatExists() {
        Set<String> operations = OpenApi.operations().stream().map(Operation::key).collect(Collectors.toSet());
        List<String> stale = AuthorizationMatrix.rows().stream().filter(r -> !operations.contains(r.key()))
                .map(Row::toString).toList();
        assertThat(stale).as("rows of %s naming no operation of any OpenAPI document", AuthorizationMatrix.CSV).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachPrincipalGetsWhatTheMatrixSays() {
        Map<String, Operation> operations = OpenApi.operations().stream()
                .collect(Collectors.toMap(Operation::key, o -> o, (a, b) -> a, LinkedHashMap::new));
        return AuthorizationMatrix.rows().stream().filter(r -> operations.containsKey(r.key()))
                .map(r -> DynamicTest.dynamicTest(r.toString(), () -> check(r, operations.get(r.key()))));
    }

    private static void check(Row row, Operation op) {
        List<String> wrong = new ArrayList<>();
        World world = row.fixture().equals("shared") ? shared : null;
        for (Map.Entry<Principal, String> cell : row.expected().entrySet()) {
            if (world == null) world = row.fixture().equals("fresh-invited") ? World.withInvitations() : World.create();
            int status;
            String body;
            if (op.streaming()) {
                status = streamStatus(cell.getKey(), url(row, op, world));
                body = "";
            } else {
                Response r = call(row, op, cell.getKey(), world);
                status = r.statusCode();
                body = r.asString();
            }
            if (!AuthorizationMatrix.meets(cell.getValue(), status)) {
                wrong.add("%s expected %s, got %d %s".formatted(cell.getKey(), cell.getValue(), status,
                        body.length() > 300 ? body.substring(0, 300) + "…" : body));
            }
            // a request that changed something consumed its target: the next principal gets a new one
            if (!row.fixture().equals("shared") && status < 300) world = null;
        }
        if (!wrong.isEmpty()) fail(row + ":\n  " + String.join("\n  ", wrong));
    }

    /** The status of a server-sent-events GET; the stream is closed as soon as the status is known. */
    static int streamStatus(Principal who, String url) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(30)).GET();
        if (who.login != null) request.header("Authorization", "Bearer " + Stack.personToken(who.login));
        if (who.clientId != null) request.header("Authorization", "Bearer " + Stack.clientToken(who.clientId));
        try {
            java.net.http.HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls the operation as {@code who}, path and query parameters bound from the row and the world. */
    static Response call(Row row, Operation op, Principal who, World world) {
        String target = url(row, op, world);
        RequestSpecification spec = who.request();
        if (op.hasBody()) {
            Optional<AuthorizationMatrix.Body> fixture = AuthorizationMatrix.body(row);
            Optional<String> body = validBody(row, op, world);
            if (body.isPresent()) {
                spec.contentType(fixture.map(AuthorizationMatrix.Body::contentType).orElse("application/json"))
                        .body(body.get().getBytes(StandardCharsets.UTF_8));
            } else if (op.requestTypes().contains("multipart/form-data")) {
                spec.multiPart("file", "e2e.png", World.PNG, "image/png");
            } else {
                spec.contentType("image/png").body(World.PNG);
            }
        } else if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            // a bodiless POST/PUT the way browsers and HTTP clients send it from a JSON app: the gate is what is tested
            spec.contentType("application/json");
        }
        return Stack.send(spec, op.method(), target);
    }

    /** The absolute URL of the row's request: path parameters bound, query parameters appended. */
    static String url(Row row, Operation op, World world) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> bindings = new LinkedHashMap<>(DEFAULT_BINDINGS);
        bindings.putAll(row.params());
        Matcher m = PATH_PARAM.matcher(op.path());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String binding = bindings.get(name);
            if (binding == null) throw new IllegalStateException(row + ": no binding for path parameter {" + name + "}");
            m.appendReplacement(url, Matcher.quoteReplacement(segment(resolve(binding, row, world))));
        }
        m.appendTail(url);
        for (Map.Entry<String, String> b : row.params().entrySet()) {
            if (!op.path().contains("{" + b.getKey() + "}")) query.put(b.getKey(), resolve(b.getValue(), row, world));
        }
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + segment(e.getValue())).collect(Collectors.joining("&"));
        return Stack.SERVICES.get(op.service()) + url + (q.isEmpty() ? "" : "?" + q);
    }

    /** A valid JSON body for the row: its entry in the bodies file, else the OpenAPI example; empty for non-JSON bodies. */
    static Optional<String> validBody(Row row, Operation op, World world) {
        return rawBody(row, op).map(t -> fill(t, row, world));
    }

    /** The row's body template, placeholders ({@code ${fixture}}) not yet filled. */
    static Optional<String> rawBody(Row row, Operation op) {
        Optional<AuthorizationMatrix.Body> fixture = AuthorizationMatrix.body(row);
        if (fixture.isPresent()) return Optional.of(fixture.get().template());
        if (op.example().isPresent() && op.takesJson()) return Optional.of(op.example().get());
        return Optional.empty();
    }

    static String resolve(String binding, Row row, World world) {
        return binding.startsWith("@") ? world.value(row.community(), binding.substring(1)) : binding;
    }

    static String fill(String template, Row row, World world) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(world.value(row.community(), m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    /** A path segment or query value, percent-encoded (RestAssured's own encoding is off, see {@link Stack}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
