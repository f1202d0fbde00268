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

    @Test
    void someoneWhoModeratesNothingGetsTheRefusalPage() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            assertThat(alice.findAll(By.id("nav-moderation"))).isEmpty();
            alice.go("/moderation");
            assertThat(alice.await(By.tagName("main")).getText()).contains("You do not moderate anything here");
        }
    }

    /** Publishes a post in a community through feed-service as that person; its local id. */
    private static String postIn(String login, String slug, String text) {
        String iri = given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON)
                .body(Map.of("content", text, "audience", Map.of("community", slug)))
                .post(Api.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        return iri.substring(iri.lastIndexOf(':') + 1);
    }

    /** Indexing follows the log asynchronously: search again until the word is (or is no longer) found. */
    private static void searchUntil(Browser b, String word, boolean found) {
        b.until(d -> {
            b.go("/search?q=" + word);
            return b.findAll(By.cssSelector(".hit .snippet mark")).isEmpty() != found;
        });
    }
}
