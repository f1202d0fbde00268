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
 * nothing on its behalf (no follow, no image); a CRM customer named like markup ({@code Smith & Sons <EMEA>}) is
 * accepted and read as those very characters on the home feed and in search.
 */
class PartnerTextIsTextTest {

    static final String PROFILE = Api.PROFILE;
    static final String CONNECTOR = Api.CONNECTOR;

    /**
     * Real account names look like markup: the CRM cannot rename its customer, so connector-service accepts the
     * card (202), and the employee reads {@code Smith & Sons <EMEA> <img src=x onerror=alert(1)>} exactly, in the
     * card's title and summary on the home feed and in the search hit, with no element made of it.
     */
    @Test
    void aCrmCustomerNamedLikeMarkupIsReadAsThatTextOnTheHomeFeedAndInSearch() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "Smith & Sons <EMEA> <img src=x onerror=alert(1)>";
        String marker = "Emeadeal" + u;
        String crmToken = Api.clientToken("crm-connector");
        // organisation-wide (the crm-connector registration's default audience); occurred now, so it heads the feed
        given().auth().oauth2(crmToken).contentType("application/json")
                .body(java.util.Map.of("eventType", "opportunity.won", "eventId", "e2e-emea-" + u,
                        "occurredAt", java.time.Instant.now().toString(),
                        "data", java.util.Map.of("opportunityId", "opp-" + u, "name", customer, "account", customer + " " + marker,
                                "amount", 42_000, "currency", "EUR", "owner", "bob")))
                .post(CONNECTOR + "/api/connectors/crm/events").then().statusCode(202);
        String alice = Api.token("alice");
        String id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(alice).get(Api.FEED + "/api/feed/home").then().statusCode(200).extract()
                        .<String>path("items.find { it.post.card?.data?.opportunityId == 'opp-" + u + "' }.post.id"),
                java.util.Objects::nonNull);

        try (Browser browser = Browser.open("en", 1280, 900)) {
            browser.loginAs("alice");
            By card = By.cssSelector("article[data-post='" + id + "']");
            browser.until(d -> {
                browser.go("/");
                return !d.findElements(card).isEmpty();
            });
            assertThat(browser.find(card).findElement(By.cssSelector(".card-title")).getText())
                    .isEqualTo("Deal won: " + customer + " 🎉");
            assertThat(browser.find(card).findElement(By.cssSelector(".card-summary")).getText())
                    .startsWith(customer + " " + marker + " signs for");
            assertThat(browser.find(card).findElements(By.cssSelector("img[onerror], img[src='x'], emea"))).isEmpty();

            By hit = By.cssSelector("main li.hit");
            browser.until(d -> {
                browser.go("/search?q=" + marker);
                return d.findElements(hit).stream().anyMatch(h -> h.getText().contains(marker));
            });
            String shown = browser.find(By.tagName("main")).getText();
            // the hit's title is the card's first name (French), its snippet the summaries, escaped around <mark>
            assertThat(shown).contains(customer + " 🎉", customer + " " + marker);
            assertThat(browser.findAll(By.cssSelector("main img[onerror], main img[src='x'], main emea"))).isEmpty();
        }
    }

    @Test
    void aHostileHrDisplayNameShowsAsTextAndTriggersNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "mallory" + suffix;
        String name = "Mallory" + suffix + " <button hx-post=\"/people/alice/follow\" hx-trigger=\"load\">x</button>"
                + "<img src=\"/img/" + suffix + ".png\" onerror=\"fetch('/people/alice/follow')\">";
        String hrToken = Api.clientToken("hr-connector");
        // a name provisioned through SCIM by the HR system is stored as given (the HR connector keeps such a name as
        // text too), so the web page is what must keep it text
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
