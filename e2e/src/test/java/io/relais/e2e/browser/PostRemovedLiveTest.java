package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post leaves the pages it is open on once it is gone, without a reload (feed-service's {@code feed-item-removed}
 * event on each reader's live stream, relayed unchanged by the web app, and the page's script): Bob deletes his post
 * while it is on Alice's home feed; Bob (community manager) hides Carol's post while Alice reads its thread. Each time
 * Alice's page shows, in its place, that it was deleted or hidden.
 */
class PostRemovedLiveTest {

    static final By REMOVED = By.cssSelector("p.item-removed");

    @Test
    void aPostDeletedByItsAuthorLeavesTheHomeFeedOpenOnAnotherPersonsScreen() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        By card = By.xpath("//article[@data-post][contains(., '" + marker + "')]");
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.find(By.id("composer-text")).sendKeys("Lunch menu for @alice " + marker);
            bob.find(By.id("publish")).click();
            bob.until(d -> d.findElement(By.id("feed")).getText().contains(marker));
            alice.loginAs("alice");
            alice.await(card);
            alice.awaitLive();
            alice.markDocument();

            bob.find(card).findElement(By.cssSelector("button.danger")).click();
            bob.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
            bob.until(d -> !d.findElement(By.id("feed")).getText().contains(marker));

            alice.until(d -> d.findElements(card).isEmpty());
            assertThat(alice.await(REMOVED).getText()).isEqualTo("This post was deleted or hidden.");
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
        }
    }

    @Test
    void aPostACommunityManagerHidesLeavesTheThreadOpenOnAReadersScreen() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String post = Api.postIri("carol", "A heated opinion " + marker);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/posts/" + post.substring(post.lastIndexOf(':') + 1));
            alice.await(By.xpath("//article[@data-post='" + post + "'][contains(., '" + marker + "')]"));
            alice.awaitLive();
            alice.markDocument();

            Api.moderate("bob", post, "hide", "Off the charter");

            alice.until(d -> d.findElements(By.xpath("//article[@data-post='" + post + "']")).isEmpty());
            assertThat(alice.await(REMOVED).getText()).isEqualTo("This post was deleted or hidden.");
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
        }
    }
}
