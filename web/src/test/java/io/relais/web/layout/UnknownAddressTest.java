package io.relais.web.layout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An address no page answers is the Relais "Page not found" page (404), with the header and a way home, not an empty body. */
@QuarkusTest
class UnknownAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"/nope/xyz", "/nope", "/feed/no-such-page", "/posts/p1/nope/deeper", "/people/alice/nope"})
    void anUnknownAddressIsTheRelaisNotFoundPage(String path) {
        Response r = as("en").get(path);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("<title>Page not found", "<h1>Page not found</h1>", "There is no page at this address.",
                "<a href=\"/\">Home</a>", "class=\"mainnav\"").doesNotContain("Something went wrong");
    }

    @Test
    void aFrenchReaderReadsItInFrench() {
        Response r = as("fr").get("/nope/xyz");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).contains("<h1>Page introuvable</h1>", "Il n&#39;y a pas de page à cette adresse.");
    }

    @Test
    void whatAsksForDataAndQuarkusOwnAddressesKeepTheBare404() {
        Response json = as("en").header("Accept", "application/json").get("/nope/xyz");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.asString()).doesNotContain("Page not found");

        Response q = as("en").get("/q/nope");
        assertThat(q.statusCode()).isEqualTo(404);
        assertThat(q.asString()).doesNotContain("Page not found");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .header("Accept", "text/html,application/xhtml+xml").redirects().follow(false);
    }
}
