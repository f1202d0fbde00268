package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice mentions Bob; Bob, logged in in a second browser, sees the notification badge and the
 * "new posts" banner arrive without reloading, and the post and the mention notification are there.
 */
class MentionArrivesLiveTest {

    @Test
    void bobSeesAlicesMentionArriveLiveWithoutReloading() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            alice.loginAs("alice");
            bob.loginAs("bob");
            bob.awaitLive();
            bob.markDocument();
            int unreadBefore = bob.unreadBadge();

            alice.find(By.id("composer-text")).sendKeys("Great demo today @bob " + marker);
            alice.find(By.id("publish")).click();
            alice.until(d -> d.findElement(By.id("feed")).getText().contains(marker));

            // the banner and the badge update from the live stream, in the same document
            WebElement banner = bob.await(By.id("show-new-posts"));
            bob.until(d -> bob.unreadBadge() > unreadBefore);
            assertThat(banner.getText()).containsPattern("\\d+ new posts?");
            banner.click();
            bob.until(d -> d.findElement(By.id("feed")).getText().contains(marker));
            assertThat(bob.stillSameDocument()).as("Bob's page was not reloaded").isTrue();

            WebElement card = bob.find(By.xpath("//article[contains(., '" + marker + "')]"));
            assertThat(card.findElement(By.cssSelector(".content a.mention")).getAttribute("href")).endsWith("/people/bob");
            assertThat(card.getText()).contains("Alice");

            bob.find(By.id("nav-notifications")).click();
            WebElement mention = bob.await(By.cssSelector(".notification[data-kind='mention']"));
            assertThat(mention.getText()).contains("Alice", "mentioned you");
        }
    }

}
