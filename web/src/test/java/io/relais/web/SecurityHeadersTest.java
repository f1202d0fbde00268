package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyPageCarriesAStrictContentSecurityPolicy() {
        Response landing = given().redirects().follow(false).get("/");

        assertThat(landing.statusCode()).isEqualTo(200);
        String csp = landing.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void pagesForbidSniffingFramingAndLeakingReferrers() {
        Response landing = given().get("/");

        assertThat(landing.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(landing.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(landing.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(landing.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
    }

    @Test
    void staticFilesAndHealthCarryTheHeadersToo() {
        for (String path : new String[]{"/css/relais.css", "/js/relais.js", "/q/health/live"}) {
            Response r = given().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void htmxIsServedFromTheAppItselfNotACdn() {
        Response htmx = given().get("/webjars/htmx.org/dist/htmx.min.js");

        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.asString()).contains("htmx");
        String page = given().get("/").asString();
        assertThat(page).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"").doesNotContain("https://");
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        String page = given().get("/").asString();

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(page).doesNotContain("<style", " style=\"", " onclick=");
    }
}
