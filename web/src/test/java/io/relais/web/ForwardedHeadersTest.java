package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Kubernetes the browser speaks https to the ingress, which calls web over plain http and says so in
 * {@code X-Forwarded-*} (ingress-nginx) or {@code Forwarded} (RFC 7239) headers. Keycloak accepts only the
 * {@code https://relais.example/*} redirect URIs of the production realm, so web must build them from those headers.
 */
@QuarkusTest
class ForwardedHeadersTest {

    @Test
    void behindTheTlsIngressTheLoginSendsKeycloakAnHttpsRedirectUri() {
        Response r = given().redirects().follow(false)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "relais.example").header("X-Forwarded-For", "203.0.113.7")
                .get("/login");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(redirectUri(r)).startsWith("https://relais.example/");
    }

    @Test
    void theStandardForwardedHeaderIsUnderstoodToo() {
        Response r = given().redirects().follow(false)
                .header("Forwarded", "for=203.0.113.7;proto=https;host=relais.example")
                .get("/login");

        assertThat(redirectUri(r)).startsWith("https://relais.example/");
    }

    @Test
    void withoutAProxyTheRedirectUriIsTheAddressTheBrowserUsed() {
        Response r = given().redirects().follow(false).get("/login");

        assertThat(redirectUri(r)).startsWith("http://localhost:");
    }

    private static String redirectUri(Response r) {
        String query = URI.create(r.header("Location")).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("redirect_uri="))
                .map(p -> URLDecoder.decode(p.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no redirect_uri in " + r.header("Location")));
    }
}
