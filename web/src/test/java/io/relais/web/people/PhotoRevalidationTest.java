package io.relais.web.people;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A photo shown through the web app follows profile-service's cache rule: the browser asks before each use, so a
 * changed photo shows at once and an erased person's photo stops showing at once. Before, the web answered every
 * photo {@code private, max-age=300}: for five minutes a browser showed a photo profile-service no longer served.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class PhotoRevalidationTest {

    static final String ETAG = "\"6a1f0c2e9b\"";

    @Test
    void aPhotoIsRevalidatedBeforeEachUseAndA304IsPassedOnWithoutTheImage() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/hana/photo", new ScriptedServices.Answer(200, "PNGBYTES", "image/png", Map.of("ETag", ETAG)));

        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").get("/people/hana/photo").then()
                .statusCode(200).contentType("image/png").header("Cache-Control", equalTo("private, no-cache"))
                .header("ETag", equalTo(ETAG)).body(equalTo("PNGBYTES"));

        SERVICES.on("GET /api/people/hana/photo", new ScriptedServices.Answer(304, "", "image/png", Map.of("ETag", ETAG)));
        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("If-None-Match", ETAG)
                .get("/people/hana/photo").then().statusCode(304).header("Cache-Control", equalTo("private, no-cache"));
        // the browser's question reached profile-service, which alone knows whether that photo is still theirs
        assertThat(SERVICES.calls()).last().satisfies(c -> assertThat(c.header("If-None-Match")).isEqualTo(ETAG));
    }
}
