package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long text pasted into a search box is searched for by its first 500 characters (search-service refuses more with a
 * 400), and the page says so; before, the reader got an error page ("refused this change (q)") or, past the server's
 * 4 KB request line, a bare 414.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class LongSearchTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/search", 200, """
                {"total":0,"hits":[],"facets":{},"labels":{}}""");
    }

    @Test
    void aSearchOverFiveHundredCharactersSearchesItsFirstFiveHundredAndSaysSo() {
        String html = as("en").queryParam("q", "word ".repeat(150)).get("/search").then().statusCode(200).extract().asString();

        assertThat(html).contains("Your search was too long: only its first 500 characters were searched.");
        String sent = SERVICES.calls().stream().filter(c -> c.line().startsWith("GET /api/search?")).findFirst().orElseThrow().line();
        String q = URLDecoder.decode(sent.replaceFirst(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        assertThat(q.length()).isLessThanOrEqualTo(500).isGreaterThan(490);
    }

    @Test
    void aFiveThousandCharacterFrenchSearchIsAnsweredWithThePageNotARefusal() {
        String html = as("fr").queryParam("q", "é".repeat(5000)).get("/search").then().statusCode(200).extract().asString();

        assertThat(html).contains("seuls ses 500 premiers caractères ont été cherchés").doesNotContain("(q)", "Un problème est survenu");
    }

    @Test
    void anOrdinarySearchSaysNothingAboutLength() {
        String html = as("en").queryParam("q", "kafka").get("/search").then().statusCode(200).extract().asString();

        assertThat(html).doesNotContain("too long");
    }

    @Test
    void theSearchBoxesTakeAtMostFiveHundredCharacters() {
        String html = as("en").get("/search").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"top-q\" name=\"q\" type=\"search\" maxlength=\"500\"", "id=\"search-q\" name=\"q\" type=\"search\" role=\"combobox\" maxlength=\"500\"");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
