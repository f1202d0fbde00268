package io.relais.e2e.security;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * The running local stack as the security suite sees it: the services' base URLs (from the same
 * environment variables {@code ./relais} gives the seeds), tokens from the real Keycloak (password grant
 * for people through the public client {@code relais-web}, client credentials for the connector clients),
 * and the Keycloak admin API (admin/admin on the local stack) to create the people the suite needs.
 */
final class Stack {

    static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");
    static final String FEED = env("RELAIS_FEED_URL", "http://localhost:8081");
    static final String PROFILE = env("RELAIS_PROFILE_URL", "http://localhost:8082");
    static final String CONNECTOR = env("RELAIS_CONNECTOR_URL", "http://localhost:8083");
    static final String SEARCH = env("RELAIS_SEARCH_URL", "http://localhost:8084");
    static final String KAFKA = env("RELAIS_KAFKA_BOOTSTRAP", "localhost:9092");
    static final String KEYCLOAK_ADMIN_PASSWORD = env("KEYCLOAK_ADMIN_PASSWORD", "admin");

    /** How long an asynchronous projection (feed, search, profile) may take to show an effect. */
    static final Duration PROJECTION_WAIT = Duration.ofSeconds(Long.parseLong(env("RELAIS_E2E_WAIT_SECONDS", "60")));

    /** The services with an OpenAPI document, by the short name the authorisation matrix uses. */
    static final Map<String, String> SERVICES = Map.of("feed", FEED, "profile", PROFILE, "connector", CONNECTOR, "search", SEARCH);

    /**
     * The management interface of each of those services (health, metrics, OpenAPI), by the same short name: a
     * port of its own on localhost ({@code ./relais}) that no user-facing port exposes.
     */
    static final Map<String, String> MANAGEMENT = Map.of(
            "feed", env("RELAIS_FEED_MANAGEMENT_URL", "http://localhost:9081"),
            "profile", env("RELAIS_PROFILE_MANAGEMENT_URL", "http://localhost:9082"),
            "connector", env("RELAIS_CONNECTOR_MANAGEMENT_URL", "http://localhost:9083"),
            "search", env("RELAIS_SEARCH_MANAGEMENT_URL", "http://localhost:9084"));

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    static {
        RestAssured.urlEncodingEnabled = false; // paths are encoded by the suite itself (Paths.segment)
        // builds on what is set already (a suite may have turned the failure log on before this class loaded)
        RestAssured.config = RestAssured.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 60_000));
    }

    private Stack() {
    }

    private record Token(String value, Instant renewAfter) {
    }

    /** An access token for a person (password = login on the local stack), renewed before Keycloak's 5 min expiry. */
    static String personToken(String login) {
        return TOKENS.compute("person:" + login, (k, t) -> t != null && Instant.now().isBefore(t.renewAfter()) ? t
                : new Token(given().formParam("grant_type", "password").formParam("client_id", "relais-web")
                .formParam("username", login).formParam("password", login)
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token"),
                Instant.now().plusSeconds(200))).value();
    }

    /** An access token of a connector client (client credentials; dev secret {@code <client>-secret}). */
    static String clientToken(String clientId) {
        return TOKENS.compute("client:" + clientId, (k, t) -> t != null && Instant.now().isBefore(t.renewAfter()) ? t
                : new Token(given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .post(tokenEndpoint()).then().statusCode(200).extract().path("access_token"),
                Instant.now().plusSeconds(200))).value();
    }

    static String tokenEndpoint() {
        return KEYCLOAK + "/realms/relais/protocol/openid-connect/token";
    }

    /** A request as the given person. */
    static RequestSpecification as(String login) {
        return given().auth().oauth2(personToken(login));
    }

    /**
     * Sends a request. The test stack throttles with limits this suite stays under (see {@code relais test}), so a
     * 429 here is an answer like any other and fails the expectation that meets it.
     */
    static Response send(RequestSpecification spec, String method, String url) {
        return spec.request(method, url);
    }

    /**
     * Waits until connector-service can map {@code event} (its dry run answers 200, nothing is stored or sent). It
     * addresses a card only to a community feed-service announced and names only people profile-service announced,
     * both learnt asynchronously from the log: a card sent before that would be a dead letter.
     */
    static void awaitMappable(String clientToken, String source, Object event) {
        org.awaitility.Awaitility.await().atMost(PROJECTION_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(clientToken).contentType("application/json").body(event)
                        .post(CONNECTOR + "/api/connectors/" + source + "/events/dry-run").statusCode() == 200);
    }

    // ------------------------------------------------------------------ connector registrations

    /** The fields a registration is written with (its view also shows clientId, defaultAudienceIri and updated). */
    private static final List<String> REGISTRATION_FIELDS = List.of("sources", "defaultAudience", "system", "systemName",
            "people", "communities");

    /** A connector client's registration as the admin (carol) reads it. */
    static Map<String, Object> registration(String clientId) {
        return as(Principal.ADMIN.login).get(CONNECTOR + "/api/connectors/registrations/" + clientId)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /**
     * Lists {@code slug} among the private and secret communities {@code clientId}'s system may address (connector-service
     * refuses any other private or secret community as if it did not exist), as the admin, keeping the rest of its
     * registration; returns the registration as it was, for {@link #restoreRegistration}.
     */
    static Map<String, Object> openCommunityTo(String clientId, String slug) {
        Map<String, Object> before = registration(clientId);
        List<String> communities = new java.util.ArrayList<>(communitiesOf(before));
        if (!communities.contains(slug)) communities.add(slug);
        putRegistration(clientId, before, communities);
        return before;
    }

    /** Writes back a registration as {@link #registration} read it (the communities it listed then, and no other). */
    static void restoreRegistration(String clientId, Map<String, Object> before) {
        putRegistration(clientId, before, communitiesOf(before));
    }

    @SuppressWarnings("unchecked")
    private static List<String> communitiesOf(Map<String, Object> registration) {
        Object listed = registration.get("communities");
        return listed == null ? List.of() : (List<String>) listed;
    }

    private static void putRegistration(String clientId, Map<String, Object> registration, List<String> communities) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (String field : REGISTRATION_FIELDS) {
            if (registration.get(field) != null) body.put(field, registration.get(field));
        }
        body.put("communities", communities);
        as(Principal.ADMIN.login).contentType("application/json").body(body)
                .put(CONNECTOR + "/api/connectors/registrations/" + clientId).then().statusCode(200);
    }

    // ------------------------------------------------------------------ Keycloak admin

    /**
     * Makes sure {@code login} can sign in with password = login and carries the realm role {@code employee}
     * (creates the Keycloak account if missing). The person's profile comes from the HR hires of the demo
     * seed (deploy/seed/10-business.sh), as in a real company: HR owns who works here, Keycloak who signs in.
     */
    static void ensureEmployeeAccount(String login, String first, String last) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", KEYCLOAK_ADMIN_PASSWORD)
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String users = KEYCLOAK + "/admin/realms/relais/users";
        List<Map<String, Object>> found = given().auth().oauth2(admin).queryParam("username", login).queryParam("exact", "true")
                .get(users).then().statusCode(200).extract().jsonPath().getList("$");
        if (found.isEmpty()) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("username", login, "email", login + "@relais.example", "emailVerified", true,
                            "firstName", first, "lastName", last, "enabled", true,
                            "credentials", List.of(Map.of("type", "password", "value", login, "temporary", false))))
                    .post(users).then().statusCode(201);
            found = given().auth().oauth2(admin).queryParam("username", login).queryParam("exact", "true")
                    .get(users).then().statusCode(200).extract().jsonPath().getList("$");
        }
        String id = String.valueOf(found.get(0).get("id"));
        Map<String, Object> employee = given().auth().oauth2(admin).get(KEYCLOAK + "/admin/realms/relais/roles/employee")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(admin).contentType("application/json").body(List.of(employee))
                .post(users + "/" + id + "/role-mappings/realm").then().statusCode(204);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
