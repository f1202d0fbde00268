package io.relais.e2e.stack;

import io.relais.e2e.FailedExchangeLog;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local stack, as a newcomer meets it: tokens come from the real Keycloak (realm
 * {@code relais}) with the password and the client-credentials grants, and every service accepts
 * them on an authenticated endpoint, refuses a request without a token (401) and a caller without
 * the role (403); health, metrics and OpenAPI answer only on each service's management port, never on
 * the public one. Runs only with {@code -Pe2e} against a running stack ({@code ./relais test}).
 */
class StackSmokeTest {

    static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");
    static final String FEED = env("RELAIS_FEED_URL", "http://localhost:8081");
    static final String PROFILE = env("RELAIS_PROFILE_URL", "http://localhost:8082");
    static final String CONNECTOR = env("RELAIS_CONNECTOR_URL", "http://localhost:8083");
    static final String SEARCH = env("RELAIS_SEARCH_URL", "http://localhost:8084");
    static final String WEB = env("RELAIS_WEB_URL", "http://localhost:8080");

    /** Public port → management port of every service, as {@code ./relais} starts them (finding F3). */
    static final Map<String, String> MANAGEMENT_OF = Map.of(
            WEB, env("RELAIS_WEB_MANAGEMENT_URL", "http://localhost:9080"),
            FEED, env("RELAIS_FEED_MANAGEMENT_URL", "http://localhost:9081"),
            PROFILE, env("RELAIS_PROFILE_MANAGEMENT_URL", "http://localhost:9082"),
            CONNECTOR, env("RELAIS_CONNECTOR_MANAGEMENT_URL", "http://localhost:9083"),
            SEARCH, env("RELAIS_SEARCH_MANAGEMENT_URL", "http://localhost:9084"));

    static String aliceToken;
    static String hrConnectorToken;

    @BeforeAll
    static void obtainTokensFromKeycloak() {
        FailedExchangeLog.enable();
        aliceToken = passwordGrant("alice", "alice");
        hrConnectorToken = clientCredentialsGrant("hr-connector", "hr-connector-secret");
    }

    @Test
    void aliceTokenFromPasswordGrantCarriesEmployeeRoleAndApiAudience() {
        JsonPath claims = claimsOf(aliceToken);

        assertThat(claims.getString("iss")).isEqualTo(KEYCLOAK + "/realms/relais");
        assertThat(audience(claims)).contains("relais-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("employee")
                .doesNotContain("connector", "admin");
        assertThat(claims.getString("preferred_username")).isEqualTo("alice");
        assertThat(claims.getString("azp")).isEqualTo("relais-web");
    }

    @Test
    void hrConnectorTokenFromClientCredentialsCarriesConnectorRoleAndApiAudience() {
        JsonPath claims = claimsOf(hrConnectorToken);

        assertThat(audience(claims)).contains("relais-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("connector")
                .doesNotContain("employee");
        assertThat(claims.getString("azp")).isEqualTo("hr-connector");
    }

    @Test
    void wrongClientSecretGetsNoToken() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "hr-connector").formParam("client_secret", "not-the-secret")
                .post(tokenEndpoint())
                .then().statusCode(401);
    }

    @Test
    void feedHomeRefusesAnonymousAndAnswersAlice() {
        expectAuthenticatedEndpoint(FEED + "/api/feed/home", aliceToken);
    }

    @Test
    void profileOfTheCallerRefusesAnonymousAndAnswersAlice() {
        expectAuthenticatedEndpoint(PROFILE + "/api/people/me", aliceToken);
    }

    @Test
    void searchRefusesAnonymousAndAnswersAlice() {
        expectAuthenticatedEndpoint(SEARCH + "/api/search?q=relais", aliceToken);
    }

    @Test
    void connectorRegistrationRefusesAnonymousAndAnswersTheHrConnector() {
        expectAuthenticatedEndpoint(CONNECTOR + "/api/connectors/me", hrConnectorToken);
    }

    @Test
    void anEmployeeIsForbiddenOnTheConnectorEndpoint() {
        given().auth().oauth2(aliceToken)
                .get(CONNECTOR + "/api/connectors/me")
                .then().statusCode(403);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = aliceToken.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged)
                .get(FEED + "/api/feed/home")
                .then().statusCode(401);
    }

    @Test
    void metricsAndHealthAreOnlyOnTheManagementPortNeverOnThePublicOne() {
        MANAGEMENT_OF.forEach((publicUrl, managementUrl) -> {
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
                assertThat(given().redirects().follow(false).get(publicUrl + path).statusCode())
                        .as("anonymous GET %s%s on the public port", publicUrl, path).isEqualTo(404);
            }
            assertThat(given().get(managementUrl + "/q/metrics").then().statusCode(200).extract().asString())
                    .as("metrics of %s", managementUrl).contains("jvm_memory_used_bytes");
            given().get(managementUrl + "/q/health/ready").then().statusCode(200);
        });
    }

    @Test
    void theOpenApiDocumentIsOnlyOnTheManagementPortOfEachApiService() {
        for (String publicUrl : List.of(FEED, PROFILE, CONNECTOR, SEARCH)) {
            given().get(publicUrl + "/q/openapi").then().statusCode(404);
            given().queryParam("format", "json").get(MANAGEMENT_OF.get(publicUrl) + "/q/openapi")
                    .then().statusCode(200).body("openapi", startsWith("3."));
        }
    }

    private static void expectAuthenticatedEndpoint(String url, String token) {
        given().get(url).then().statusCode(401);
        int status = given().auth().oauth2(token).get(url).then().extract().statusCode();
        assertThat(status).as("GET %s with a valid token", url).isBetween(200, 299);
    }

    private static String passwordGrant(String login, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "relais-web")
                .formParam("username", login).formParam("password", password)
                .post(tokenEndpoint())
                .then().statusCode(200).extract().path("access_token");
    }

    private static String clientCredentialsGrant(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post(tokenEndpoint())
                .then().statusCode(200).extract().path("access_token");
    }

    private static String tokenEndpoint() {
        return KEYCLOAK + "/realms/relais/protocol/openid-connect/token";
    }

    private static JsonPath claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    // "aud" is a string when there is one audience, a list when there are several
    private static List<String> audience(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
