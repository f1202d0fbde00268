package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bob mentions Alice in a post, then deletes it: Alice's open page's badge goes up by one, then back down, and her open
 * notifications list drops the mention, all without a reload (feed-service's {@code notifications-taken-back} event on
 * her live stream).
 */
class MentionTakenBackLiveTest {

    @Test
    void aliceSeesTheMentionOfADeletedPostLeaveHerBadgeAndListWithoutReloading() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String mentionOfMarker = "//li[@data-kind='mention'][contains(., '" + marker + "')]";
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            alice.loginAs("alice");
            bob.loginAs("bob");
            alice.awaitLive();
            alice.markDocument();
            int unreadBefore = alice.unreadBadge();

            bob.find(By.id("composer-text")).sendKeys("Draft for @alice " + marker);
            bob.find(By.id("publish")).click();
            bob.until(d -> d.findElement(By.id("feed")).getText().contains(marker));

            alice.until(d -> alice.unreadBadge() == unreadBefore + 1);
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();

            // the notifications list, open while the post is deleted
            alice.go("/notifications");
            alice.awaitLive();
            alice.await(By.xpath(mentionOfMarker));
            alice.until(d -> alice.unreadBadge() == unreadBefore + 1); // the badge loads after the page
            alice.markDocument();

            WebElement card = bob.find(By.xpath("//article[contains(., '" + marker + "')]"));
            card.findElement(By.cssSelector("button.danger")).click();
            bob.until(ExpectedConditions.alertIsPresent()).accept();
            bob.until(d -> !d.findElement(By.id("feed")).getText().contains(marker));

            alice.until(d -> d.findElements(By.xpath(mentionOfMarker)).isEmpty() && alice.unreadBadge() == unreadBefore);
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
        }
    }

}
