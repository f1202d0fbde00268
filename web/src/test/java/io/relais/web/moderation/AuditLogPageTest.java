package io.relais.web.moderation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log reads for its reader: times in the reader's locale (not feed-service's ISO strings), actions in their
 * language (not the wire codes {@code erasure}, {@code remove}, {@code hide}), and what was acted on as a link with a
 * readable label where the web app has a page for it (a post, a card, a person, a community), else the IRI. On a phone
 * only the table scrolls sideways ({@code div.table-scroll}), not the whole page.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class AuditLogPageTest {

    @BeforeEach
    void theLogHoldsAnErasureARemovalAndAHide() {
        SERVICES.reset();
        SERVICES.on("GET /api/moderation/audit", 200, """
                {"entries":[
                 {"id":"e3","at":"2026-11-30T10:20:00Z","actor":"urn:relais:person:root","action":"erasure",
                  "object":"urn:relais:person:eve","community":null,"reason":"erasure on request: 3 posts","reports":0},
                 {"id":"e2","at":"2026-11-29T08:05:00Z","actor":"urn:relais:person:bob","action":"remove",
                  "object":"urn:relais:post:p-42","community":"urn:relais:community:guild","reason":"spam","reports":2},
                 {"id":"e1","at":"2026-11-28T17:45:00Z","actor":"urn:relais:person:bob","action":"hide",
                  "object":"urn:relais:comment:c-7","community":"urn:relais:community:guild","reason":"rude","reports":1},
                 {"id":"e0","at":"2026-11-27T17:45:00Z","actor":"urn:relais:person:bob","action":"hide",
                  "object":"urn:relais:event:deal-9","community":null,"reason":"wrong","reports":1}],
                 "next":null}""");
        SERVICES.on("GET /api/people/eve", 200, """
                {"login":"eve","displayName":"Ève <Martin>"}""");
    }

    @Test
    void aFrenchAdminReadsDatesActionsAndObjectsInFrench() {
        String html = as("fr").get("/moderation/audit").then().statusCode(200).extract().asString();

        assertThat(html).contains("<time datetime=\"2026-11-30T10:20:00Z\">")
                .doesNotContain(">2026-11-30T10:20:00Z<", ">erasure<", ">remove<", ">hide<")
                .contains("nov. 2026", "Données personnelles effacées", "Supprimé", "Masqué")
                .contains("<a href=\"/people/eve\">Ève &lt;Martin&gt;</a>", "<a href=\"/posts/p-42\">publication</a>",
                        "<a href=\"/posts/urn%3Arelais%3Aevent%3Adeal-9\">carte métier</a>")
                .doesNotContain(">urn:relais:post:p-42<", ">urn:relais:person:eve<")
                // a comment has no page of its own the web app could name from its IRI alone
                .contains(">urn:relais:comment:c-7<");
    }

    @Test
    void anEnglishAdminReadsThemInEnglish() {
        String html = as("en").get("/moderation/audit").then().statusCode(200).extract().asString();

        assertThat(html).contains("Nov 30, 2026", "Personal data erased", "Removed", "Hidden", ">post</a>")
                .doesNotContain(">erasure<", ">2026-11-30T10:20:00Z<");
    }

    @Test
    void onAPhoneOnlyTheTableScrollsSideways() throws Exception {
        String html = as("en").get("/moderation/audit").then().statusCode(200).extract().asString();
        String css = Files.readString(Path.of("src", "main", "resources", "META-INF", "resources", "css", "relais.css"),
                StandardCharsets.UTF_8);

        assertThat(html).contains("<div class=\"table-scroll\"");
        assertThat(css).containsPattern("\\.table-scroll\\s*\\{[^}]*overflow-x:\\s*auto");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "root").header("X-Test-Roles", "employee,admin").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
