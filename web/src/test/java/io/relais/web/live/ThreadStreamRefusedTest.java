package io.relais.web.live;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream of a thread the reader may not see is a 404, which stops the page's EventSource for good (HTML's rule for
 * any answer but 200); an empty 200 stream made it reconnect every few seconds for as long as the page stayed open.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class ThreadStreamRefusedTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void aThreadTheReaderMayNotSeeIsNotFoundAndNoStreamIsOpened() {
        SERVICES.on("GET /api/posts/secret1", 404, """
                {"type":"about:blank","title":"Not Found","status":404}""");

        given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept", "text/event-stream")
                .get("/live/threads/secret1").then().statusCode(404);

        assertThat(SERVICES.lines()).contains("GET /api/posts/secret1").doesNotContain("GET /api/live/threads/secret1");
    }
}
