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
 * What the page's script needs to take a post off the page when feed-service's live stream says it was deleted or
 * hidden ({@code feed-item-removed} {id}): each post or card is an {@code article} keyed by its IRI in
 * {@code data-post}, and the line put in its place comes from the page in the reader's language (the script holds no
 * text). The e2e {@code PostRemovedLiveTest} watches the whole path in a browser.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class RemovedItemNoticeTest {

    static final String POST = "urn:relais:post:7d0c3c1e-1111-4aaa-8bbb-00000000a0a0";
    static final String THREAD = """
            {"post":{"id":"%s","kind":"post","author":{"login":"bob","displayName":"Bob Durand"},
              "created":"2026-12-01T09:00:00Z","content":"<p>Bientôt supprimé</p>","reactions":{},"commentCount":0},
             "comments":[],"next":null}""".formatted(POST);

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void aPostsPageKeysItByItsIriAndCarriesTheRemovedNoticeInTheReadersLanguage() {
        SERVICES.on("GET /api/posts/" + POST.substring(POST.lastIndexOf(':') + 1), 200, THREAD);

        String en = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get("/posts/" + POST.substring(POST.lastIndexOf(':') + 1)).then().statusCode(200).extract().asString();
        String fr = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "fr")
                .get("/posts/" + POST.substring(POST.lastIndexOf(':') + 1)).then().statusCode(200).extract().asString();

        assertThat(en).contains("data-post=\"" + POST + "\"")
                .contains("data-msg-removed=\"This post was deleted or hidden.\"");
        assertThat(fr).contains("data-msg-removed=\"Cette publication a été supprimée ou masquée.\"");
    }
}
