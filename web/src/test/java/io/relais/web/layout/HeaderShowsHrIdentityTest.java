package io.relais.web.layout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The header shows me as HR does (profile-service's name and photo), like every card, not the login token's name. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class HeaderShowsHrIdentityTest {

    @Test
    void myHrPhotoIsInTheHeader() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/hana", 200, "{\"login\":\"hana\",\"displayName\":\"Hana Kobayashi\",\"photoUrl\":\"http://p/hana\"}");

        String html = given().header("X-Test-Login", "hana").header("X-Test-Roles", "employee").get("/following").asString();

        assertThat(html).contains("<img class=\"avatar sm\" src=\"/people/hana/photo\"", "id=\"me-photo\"");
    }

    @Test
    void withoutAPhotoTheInitialsAreThoseOfMyHrName() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/ivan", 200, "{\"login\":\"ivan\",\"displayName\":\"Ivan Petrov\"}");

        String html = given().header("X-Test-Login", "ivan").header("X-Test-Roles", "employee").get("/following").asString();

        assertThat(html).contains("id=\"me-initials\">IP</span>");
    }
}
