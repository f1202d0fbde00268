package io.relais.web.hashtag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A hashtag no post carries yet says so, not the home feed's advice to join communities. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class EmptyHashtagPageTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/feed/hashtags/atlas_2026", 200, "{\"items\":[]}");
    }

    @Test
    void anEmptyHashtagPageSaysNoPostCarriesTheTagYet() {
        String html = as("en").get("/hashtags/Atlas_2026").then().statusCode(200).extract().asString();

        assertThat(html).contains("<p class=\"empty\" id=\"feed-empty\">No posts with #atlas_2026 yet.</p>")
                .doesNotContain("Join a community or follow colleagues");
    }

    @Test
    void aFrenchReaderReadsItInFrench() {
        String html = as("fr").get("/hashtags/atlas_2026").then().statusCode(200).extract().asString();

        assertThat(html).contains("Aucune publication avec #atlas_2026 pour l&#39;instant.").doesNotContain("Rejoignez une communauté");
    }

    @Test
    void aNextPageThatTurnsOutEmptySaysTheSame() {
        String html = as("en").get("/hashtags/atlas_2026/items?cursor=abc").then().statusCode(200).extract().asString();

        assertThat(html).contains("No posts with #atlas_2026 yet.").doesNotContain("Join a community");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
