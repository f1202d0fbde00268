package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * search-service writes a hit's title and snippet in the language of the request's {@code Accept-Language}: the web
 * app sends the page's own language with every search call. Before, it sent only the token, and a French reader got
 * English snippets.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class SearchLanguageTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/search", 200, """
                {"total":0,"hits":[],"facets":{},"labels":{}}""");
    }

    @Test
    void aFrenchReadersSearchAsksForFrench() {
        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee")
                .header("Accept-Language", "de-DE, fr;q=0.8, en;q=0.5")
                .get("/search?q=feuille").then().statusCode(200);

        assertThat(SERVICES.calls()).filteredOn(c -> c.line().startsWith("GET /api/search?"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.header("Accept-Language")).isEqualTo("fr"));
    }

    @Test
    void suggestionsAndThePeopleSearchAskForTheReadersLanguageToo() {
        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "fr")
                .get("/suggest?q=@bo").then().statusCode(200);
        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get("/search?q=roadmap").then().statusCode(200);

        assertThat(SERVICES.calls()).filteredOn(c -> c.line().startsWith("GET /api/search/people?"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.header("Accept-Language")).isEqualTo("fr"));
        assertThat(SERVICES.calls()).filteredOn(c -> c.line().startsWith("GET /api/search?"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.header("Accept-Language")).isEqualTo("en"));
    }
}
