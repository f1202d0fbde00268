package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A private community: Alice asks to join, Bob (its owner) approves, then Alice reads its posts; or Bob declines, Alice
 * is told, and may not ask again at once.
 */
class PrivateCommunityTest {

    @Test
    void aliceJoinsAPrivateCommunityByRequestAndApproval() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String name = "Secret sauce " + id;
        String marker = "recipe-" + id;
        try (Browser bob = Browser.open(); Browser alice = Browser.open()) {
            bob.loginAs("bob");
            bob.go("/communities");
            bob.find(By.id("community-name")).sendKeys(name);
            bob.find(By.cssSelector("#create-community input[value=private]")).click();
            bob.find(By.cssSelector("#create-community button[type=submit]")).click();
            bob.until(d -> d.findElement(By.id("community-title")).getText().equals(name));
            String slug = bob.driver.getCurrentUrl().replaceAll(".*/communities/", "");

            bob.find(By.id("composer-text")).sendKeys("Only for members: " + marker);
            bob.find(By.id("publish")).click();
            bob.until(d -> d.findElement(By.id("feed")).getText().contains(marker));

            alice.loginAs("alice");
            alice.go("/communities/" + slug);
            assertThat(alice.await(By.id("private-notice")).isDisplayed()).isTrue();
            assertThat(alice.find(By.tagName("main")).getText()).doesNotContain(marker);
            alice.find(By.id("request-join")).click();
            alice.await(By.id("pending"));

            bob.go("/communities/" + slug);
            bob.await(By.id("approve-alice")).click();
            bob.until(d -> d.findElements(By.id("approve-alice")).isEmpty());

            // the approval reaches the feed's read side through Kafka: look again until it has
            alice.until(d -> {
                alice.go("/communities/" + slug);
                return !d.findElements(By.id("feed")).isEmpty() && d.findElement(By.id("feed")).getText().contains(marker);
            });
            assertThat(alice.findAll(By.id("private-notice"))).isEmpty();
            assertThat(alice.find(By.id("leave")).isDisplayed()).isTrue();
        }
    }

    /**
     * Bob (the owner) declines Alice's request from the community's page: the request leaves Bob's notifications (a
     * decided request is taken back), Alice is told on her notifications page, and asking again at once is answered
     * next to the button with the wait (feed-service's 429 and Retry-After, read by the web app), not an error page.
     */
    @Test
    void aDeclinedRequesterIsToldAndAskingAgainAtOnceSaysWhen() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = "circle-" + id;
        String name = "Closed circle " + id;
        Api.createCommunity("bob", slug, name, "private");
        String request = "//li[@data-kind='join-request'][contains(., '" + name + "')]";
        String declined = "//li[@data-kind='join-declined'][contains(., '" + name + "')]";
        try (Browser bob = Browser.open(); Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);
            alice.find(By.id("request-join")).click();
            alice.await(By.id("pending"));

            bob.loginAs("bob");
            bob.until(d -> {
                bob.go("/notifications");
                return !d.findElements(By.xpath(request)).isEmpty();
            });
            bob.go("/communities/" + slug);
            bob.await(By.cssSelector("form[action$='/requests/alice/reject'] button")).click();
            bob.until(d -> d.findElements(By.id("approve-alice")).isEmpty());
            bob.until(d -> {
                bob.go("/notifications");
                return d.findElements(By.xpath(request)).isEmpty();
            });

            alice.until(d -> {
                alice.go("/notifications");
                return !d.findElements(By.xpath(declined)).isEmpty();
            });
            assertThat(alice.find(By.xpath(declined)).getText()).contains("declined your membership request", name);

            alice.go("/communities/" + slug);
            alice.find(By.id("request-join")).click();
            assertThat(alice.await(By.id("membership-problem")).getText()).contains("You can ask again in about 24 h.");
            assertThat(alice.findAll(By.id("pending"))).isEmpty();
        }
    }
}
