package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements (issue 14): a community manager publishes one from the composer; an employee sees it labelled
 * "Announcement" on the home feed and dismisses it for good; an employee is not offered to publish one.
 */
class AnnouncementBrowserTest {

    @Test
    void bobAnnouncesAliceSeesItAsAnAnnouncementAndDismissesIt() {
        String marker = "announce-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser bob = Browser.open(); Browser alice = Browser.open()) {
            bob.loginAs("bob");
            new Select(bob.find(By.id("composer-audience"))).selectByValue("announcement");
            bob.find(By.id("composer-text")).sendKeys("Office closed on Friday " + marker);
            bob.find(By.id("publish")).click();
            bob.until(d -> d.findElement(By.id("feed")).getText().contains(marker));
            assertThat(bob.find(By.id("flash")).getText()).isEqualTo("Your post is published.");

            alice.loginAs("alice");
            assertThat(alice.findAll(By.cssSelector("#composer-audience option[value=announcement]")))
                    .as("an employee cannot announce").isEmpty();
            WebElement card = alice.await(By.xpath("//article[contains(., '" + marker + "')]"));
            assertThat(card.findElement(By.cssSelector(".chip.announcement")).getText()).isEqualTo("Announcement");
            assertThat(card.getText()).doesNotContain("Pinned");

            card.findElement(By.cssSelector("form.dismiss button")).click();
            alice.until(d -> !d.findElement(By.id("feed")).getText().contains(marker));
            alice.go("/");
            alice.await(By.id("feed"));
            assertThat(alice.find(By.id("feed")).getText()).as("dismissed for good").doesNotContain(marker);
        }
    }
}
