package io.relais.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * HTTP to the running local stack with real Keycloak tokens: password grant on {@code relais-web}
 * for people, client credentials for the connector clients. Tokens are cached until shortly before
 * they expire, so token requests never appear in the measured latencies.
 */
public final class StackClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One HTTP answer: status, body, and the response headers (names in lower case, e.g. {@code retry-after},
     * {@code location}).
     */
    public record Answer(int status, String body, Map<String, List<String>> headers) {

        public Answer(int status, String body) {
            this(status, body, Map.of());
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private record Token(String value, long expiresAtNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String keycloak;
    private final Map<String, String> urls;
    private final Map<String, String> managementUrls;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public StackClient(Map<String, String> env) {
        keycloak = env.getOrDefault("KEYCLOAK_URL", "http://localhost:8180");
        urls = Map.of(
                "feed", env.getOrDefault("RELAIS_FEED_URL", "http://localhost:8081"),
                "connector", env.getOrDefault("RELAIS_CONNECTOR_URL", "http://localhost:8083"),
                "search", env.getOrDefault("RELAIS_SEARCH_URL", "http://localhost:8084"),
                "profile", env.getOrDefault("RELAIS_PROFILE_URL", "http://localhost:8082"),
                "web", env.getOrDefault("RELAIS_WEB_URL", "http://localhost:8080"));
        // health, metrics and OpenAPI live on each service's management port, not on the public one
        managementUrls = Map.of(
                "feed", env.getOrDefault("RELAIS_FEED_MANAGEMENT_URL", "http://localhost:9081"),
                "connector", env.getOrDefault("RELAIS_CONNECTOR_MANAGEMENT_URL", "http://localhost:9083"),
                "search", env.getOrDefault("RELAIS_SEARCH_MANAGEMENT_URL", "http://localhost:9084"),
                "profile", env.getOrDefault("RELAIS_PROFILE_MANAGEMENT_URL", "http://localhost:9082"),
                "web", env.getOrDefault("RELAIS_WEB_MANAGEMENT_URL", "http://localhost:9080"));
    }

    public String url(String service) {
        return urls.get(service);
    }

    /** True when every named service answers its readiness check. */
    public String notReady(String... services) {
        for (String s : services) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(managementUrls.get(s) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) return s + "-service answers " + r.statusCode() + " on /q/health/ready";
            } catch (IOException e) {
                return s + "-service is not reachable at " + managementUrls.get(s) + " (is ./relais up running?)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    /**
     * Forgets every cached token, so the next call of each kind asks Keycloak for a fresh one (the fault
     * campaign does this before stopping Keycloak, so the issued tokens outlive the downtime).
     */
    public void forgetTokens() {
        tokens.clear();
    }

    /** A DELETE with the token. */
    public Answer delete(String service, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).DELETE());
    }

    /** A password grant sent now, bypassing the cache: what a new login meets (used while Keycloak is down). */
    public Answer freshLogin(String login, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", "relais-web", "username", login,
                "password", password), "relais");
    }

    public String personToken(String login, String password) {
        return token("person:" + login, Map.of("grant_type", "password", "client_id", "relais-web",
                "username", login, "password", password));
    }

    public String clientToken(String clientId, String secret) {
        return token("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** A token of Keycloak's master realm admin, for creating bench users. */
    public String adminToken(String password) {
        return token("admin", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", password), "master");
    }

    private String token(String key, Map<String, String> form) {
        return token(key, form, "relais");
    }

    /** One request per key at a time (no stampede of logins when many workers start), one retry. */
    private String token(String key, Map<String, String> form, String realm) {
        Token cached = tokens.get(key);
        if (cached != null && System.nanoTime() < cached.expiresAtNanos()) return cached.value();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            return fetchToken(key, form, realm);
        }
    }

    private String fetchToken(String key, Map<String, String> form, String realm) {
        Token t = tokens.get(key);
        if (t != null && System.nanoTime() < t.expiresAtNanos()) return t.value();
        Answer a = requestToken(form, realm);
        if (!a.ok()) a = requestToken(form, realm);
        if (!a.ok()) throw new IllegalStateException("Keycloak refused a token for " + key + ": " + a.status() + " " + a.body());
        JsonNode j = a.json();
        long ttl = Math.max(10, j.path("expires_in").asLong(60) - 15);
        Token fresh = new Token(j.get("access_token").asText(), System.nanoTime() + ttl * 1_000_000_000L);
        tokens.put(key, fresh);
        return fresh.value();
    }

    private Answer requestToken(Map<String, String> form, String realm) {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /**
     * A GET on a service's management interface (e.g. {@code /q/metrics}), which takes no token: it is reachable
     * only from the host (locally) or the cluster's monitoring (Kubernetes), never through a public port.
     */
    public Answer getManagement(String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(managementUrls.get(service) + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** A GET, with the token when given (null for endpoints that take none). */
    public Answer get(String service, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return send(request);
    }

    public Answer post(String service, String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String service, String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(service) + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer keycloakAdmin(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/relais" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(b);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new java.util.HashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return new Answer(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
