package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation through the web (issue 15), with real Keycloak and real services: a report, the queue, a hide with a
 * reason that its author reads, the post gone from a reader's search and community feed, a restore that brings it
 * back; and the refusal page for someone who moderates nothing. Realm roles: bob is community-manager, carol admin,
 * alice employee.
 */
class ModerationBrowserTest {

    @Test
    void aReportedPostIsHiddenFromTheQueueItsAuthorIsToldWhyAndItLeavesSearchUntilRestored() {
        String marker = "modweb" + UUID.randomUUID().toString().substring(0, 8);
        String slug = Communities.freshSlug("moderation");
        Api.createCommunity("alice", slug, "Moderation " + slug, "public");
        String post = postIn("alice", slug, "Promotion exceptionnelle " + marker);
        try (Browser carol = Browser.open(); Browser bob = Browser.open(); Browser alice = Browser.open()) {
            carol.loginAs("carol");
            searchUntil(carol, marker, true);

            // carol reports it from the post's card
            carol.go("/posts/" + post);
            carol.find(By.id("report-link-" + post)).click();
            carol.await(By.cssSelector(".report-form input[value=spam]")).click();
            carol.find(By.cssSelector(".report-form textarea[name=comment]")).sendKeys("Publicité");
            carol.find(By.cssSelector(".report-form button[type=submit]")).click();
            assertThat(carol.await(By.id("report-outcome")).getText()).contains("the moderators will look at it");

            // bob, community manager, finds it in the organisation's queue and hides it with a reason
            bob.loginAs("bob");
            bob.find(By.id("nav-moderation")).click();
            bob.awaitScripts();
            assertThat(bob.await(By.id("case-" + post)).getText()).contains("Alice", "Promotion exceptionnelle", "1 report(s)",
                    "Spam or advertising (1)");
            bob.find(By.id("reason-" + post)).sendKeys("Advertising is not allowed here");
            bob.find(By.id("hide-" + post)).click();
            bob.until(d -> d.findElement(By.id("case-" + post)).getText().contains("Hidden. The author is told why."));

            // alice reads the decision and its reason
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/notifications");
                return alice.findAll(By.cssSelector(".notification[data-kind=hidden]")).stream()
                        .anyMatch(n -> n.getText().contains("Advertising is not allowed here"));
            });
            assertThat(alice.find(By.cssSelector(".notification[data-kind=hidden]")).getText()).contains("Moderators hid your post.");

            // carol no longer finds it, nor sees it in the community's feed
            searchUntil(carol, marker, false);
            carol.go("/communities/" + slug);
            assertThat(carol.find(By.tagName("main")).getText()).doesNotContain("Promotion exceptionnelle");

            // bob restores it from the hidden list; carol finds it again
            bob.go("/moderation?state=hidden");
            bob.await(By.id("reason-" + post)).sendKeys("Checked with the author: an internal offer");
            bob.find(By.id("restore-" + post)).click();
            bob.until(d -> d.findElement(By.id("case-" + post)).getText().contains("Restored."));
            searchUntil(carol, marker, true);
        }
    }

    /**
     * A business card is reported and moderated like a post: carol reports a CRM card from its Report link (it was
     * refused, "check the object"), bob hides it from the organisation's queue, it leaves carol's home feed, its
     * thread and search, and bob restores it from the Hidden tab.
     */
    @Test
    void aBusinessCardIsReportedHiddenEverywhereAndRestoredFromTheHiddenTab() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String marker = "Cardmod" + u.replaceAll("[0-9]", "x");
        String card = aCrmCard(u, marker);
        // a card's element ids are made of its whole IRI (two systems may end their IRIs alike): found by the IRI itself
        By reportLink = By.cssSelector("article[data-post='" + card + "'] .report-link");
        By theCase = By.cssSelector("li.case[data-object='" + card + "']");
        By reason = By.cssSelector("li.case[data-object='" + card + "'] input[name=reason]");
        String ref = java.net.URLEncoder.encode(card, java.nio.charset.StandardCharsets.UTF_8);
        By onHome = By.cssSelector("article[data-post='" + card + "']");
        try (Browser carol = Browser.open(); Browser bob = Browser.open()) {
            carol.loginAs("carol");
            searchShows(carol, marker, true);
            carol.go("/posts/" + ref);
            carol.find(reportLink).click();
            carol.await(By.cssSelector(".report-form input[value=confidential]")).click();
            carol.find(By.cssSelector(".report-form button[type=submit]")).click();
            assertThat(carol.await(By.id("report-outcome")).getText()).contains("the moderators will look at it");

            bob.loginAs("bob");
            bob.go("/moderation");
            assertThat(bob.await(theCase).getText()).contains(marker, "1 report(s)");
            bob.find(reason).sendKeys("Confidential amount");
            bob.find(By.cssSelector("li.case[data-object='" + card + "'] button[value=hide]")).click();
            bob.until(d -> d.findElement(theCase).getText().contains("Hidden. The author is told why."));

            carol.until(d -> {
                carol.go("/");
                return d.findElements(onHome).isEmpty();
            });
            carol.go("/posts/" + ref);
            assertThat(carol.findAll(reportLink)).isEmpty();
            searchShows(carol, marker, false);

            bob.go("/moderation?state=hidden");
            bob.await(reason).sendKeys("The amount was public after all");
            bob.find(By.cssSelector("li.case[data-object='" + card + "'] button[value=restore]")).click();
            bob.until(d -> d.findElement(theCase).getText().contains("Restored."));
            searchShows(carol, marker, true);
            carol.until(d -> {
                carol.go("/");
                return !d.findElements(onHome).isEmpty();
            });
            assertThat(carol.find(onHome).getText()).contains(marker);
        }
    }

    /**
     * A post hidden by a moderator without any report was in no queue, so nobody could restore it; the queue also
     * showed its source markup ({@code <p>…}). It is in the Hidden tab, as the plain text readers saw, and restored there.
     */
    @Test
    void aPostHiddenWithoutAnyReportIsFoundInTheHiddenTabAsPlainTextAndRestored() {
        String marker = "unreported" + UUID.randomUUID().toString().substring(0, 8);
        String slug = Communities.freshSlug("hiddentab");
        Api.createCommunity("alice", slug, "Hidden tab " + slug, "public");
        String post = postIn("alice", slug, "<p>Risk: the payment provider " + marker + "</p>");
        Api.moderate("bob", "urn:relais:post:" + post, "hide", "Not for this community");
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.go("/moderation");
            bob.find(By.id("tab-hidden")).click();
            String shown = bob.await(By.id("case-" + post)).getText();
            assertThat(shown).contains("Risk: the payment provider " + marker, "Not for this community").doesNotContain("<p>");
            bob.find(By.id("reason-" + post)).sendKeys("Fine after all");
            bob.find(By.id("restore-" + post)).click();
            bob.until(d -> d.findElement(By.id("case-" + post)).getText().contains("Restored."));
        }
        given().auth().oauth2(Api.token("carol")).get(Api.FEED + "/api/posts/" + post).then().statusCode(200);
    }

    @Test
    void someoneWhoModeratesNothingGetsTheRefusalPage() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            assertThat(alice.findAll(By.id("nav-moderation"))).isEmpty();
            alice.go("/moderation");
            assertThat(alice.await(By.tagName("main")).getText()).contains("You do not moderate anything here");
        }
    }

    /** A CRM "deal won" card, organisation-wide, sent through connector-service; its IRI once alice's home feed has it. */
    private static String aCrmCard(String u, String marker) {
        String connector = Browser.env("RELAIS_CONNECTOR_URL", "http://localhost:8083");
        String crmToken = Api.clientToken("crm-connector");
        given().auth().oauth2(crmToken).contentType(ContentType.JSON)
                .body(Map.of("eventType", "opportunity.won", "eventId", "e2e-cardmod-" + u, "occurredAt", java.time.Instant.now().toString(),
                        "data", Map.of("opportunityId", "opp-" + u, "name", "Renewal " + marker, "account", "Acme " + marker,
                                "amount", 42_000, "currency", "EUR", "owner", "alice")))
                .post(connector + "/api/connectors/crm/events").then().statusCode(202);
        String alice = Api.token("alice");
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(alice).get(Api.FEED + "/api/feed/home").then().statusCode(200).extract()
                        .<String>path("items.find { it.post.card?.data?.opportunityId == 'opp-" + u + "' }.post.id"), java.util.Objects::nonNull);
    }

    /** Publishes a post in a community through feed-service as that person; its local id. */
    private static String postIn(String login, String slug, String text) {
        String iri = given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON)
                .body(Map.of("content", text, "audience", Map.of("community", slug)))
                .post(Api.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        return iri.substring(iri.lastIndexOf(':') + 1);
    }

    /** Like {@link #searchUntil}, for any hit whose text shows the word (a card's title or summary). */
    private static void searchShows(Browser b, String word, boolean found) {
        b.until(d -> {
            b.go("/search?q=" + word);
            return d.findElements(By.cssSelector("main li.hit")).stream().anyMatch(h -> h.getText().contains(word)) == found;
        });
    }

    /** Indexing follows the log asynchronously: search again until the word is (or is no longer) found. */
    private static void searchUntil(Browser b, String word, boolean found) {
        b.until(d -> {
            b.go("/search?q=" + word);
            return b.findAll(By.cssSelector(".hit .snippet mark")).isEmpty() != found;
        });
    }
}
