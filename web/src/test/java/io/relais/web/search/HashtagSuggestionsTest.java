package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The composer's hashtag suggestions say how often each tag is used, in the reader's language, singular included. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class HashtagSuggestionsTest {

    @BeforeEach
    void searchServiceSuggestsTwoTags() {
        SERVICES.reset();
        SERVICES.on("GET /api/search/suggest", 200, """
                {"suggestions":[{"type":"hashtag","id":"urn:relais:hashtag:tryout","label":"#tryout","detail":"1 uses","uses":1},
                                {"type":"hashtag","id":"urn:relais:hashtag:tryouts","label":"#tryouts","detail":"2 uses","uses":2}]}""");
    }

    @Test
    void aTagUsedOnceSaysSoAndOthersCountTheirUses() {
        String html = suggestions("en");
        assertThat(html).contains("<span class=\"s-detail\">used once</span>", "<span class=\"s-detail\">used 2 times</span>")
                .doesNotContain("uses");
    }

    @Test
    void aFrenchReaderReadsTheCountInFrench() {
        assertThat(suggestions("fr")).contains("<span class=\"s-detail\">utilisé une fois</span>",
                "<span class=\"s-detail\">utilisé 2 fois</span>");
    }

    private static String suggestions(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .header("HX-Request", "true").queryParam("q", "#try").get("/suggest").then().statusCode(200).extract().asString();
    }
}
