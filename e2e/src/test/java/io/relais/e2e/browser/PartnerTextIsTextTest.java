package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text from a business system is text: an HR display name carrying an htmx button and an image with an onerror
 * handler shows as those characters, on the welcome card and on the profile, and the viewer's browser requests
 * nothing on its behalf (no follow, no image).
 */
class PartnerTextIsTextTest {

    static final String PROFILE = Browser.env("RELAIS_PROFILE_URL", "http://localhost:8082");

    @Test
    void aHostileHrDisplayNameShowsAsTextAndTriggersNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "mallory" + suffix;
        String name = "Mallory" + suffix + " <button hx-post=\"/people/alice/follow\" hx-trigger=\"load\">x</button>"
                + "<img src=\"/img/" + suffix + ".png\" onerror=\"fetch('/people/alice/follow')\">";
        String hrToken = given().formParam("grant_type", "client_credentials").formParam("client_id", "hr-connector")
                .formParam("client_secret", "hr-connector-secret")
                .post(Api.KEYCLOAK + "/realms/relais/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        // the HR connector refuses markup in a display name at the door (400); a name provisioned through SCIM
        // by the HR system is stored as given, so the web page is what must keep it text
        String user = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                 "name":{"givenName":"Mallory","familyName":"%s"},"displayName":%s,
                 "emails":[{"value":"%s@relais.example","primary":true}]}"""
                .formatted(login, suffix, quoted(name), login);
        given().auth().oauth2(hrToken).contentType("application/scim+json").body(user)
                .post(PROFILE + "/scim/v2/Users").then().statusCode(201);
        String alice = Api.token("alice");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(alice).get(PROFILE + "/api/people/" + login).statusCode() == 200);

        try (Browser browser = Browser.open()) {
            browser.loginAs("alice");
            for (String page : List.of("/people/" + login, "/search?q=Mallory" + suffix)) {
                // the search index follows the profile shortly after
                browser.until(d -> {
                    browser.go(page);
                    return d.findElement(By.tagName("main")).getText().contains("Mallory" + suffix);
                });
                String shown = browser.find(By.tagName("main")).getText();
                assertThat(shown).as(page).contains("<button");
                assertThat(browser.findAll(By.cssSelector("main button[hx-post], main img[onerror]"))).as(page).isEmpty();
                @SuppressWarnings("unchecked")
                List<String> requested = (List<String>) browser.js(
                        "return performance.getEntriesByType('resource').map(e => e.name);");
                assertThat(requested).as(page).noneMatch(url -> url.contains("/follow") || url.contains(suffix + ".png"));
            }
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
