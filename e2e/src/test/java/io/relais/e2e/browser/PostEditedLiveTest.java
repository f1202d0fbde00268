package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit reaches the pages a post is open on, without a reload (feed-service's {@code feed-item-updated} event on
 * each reader's live stream, relayed unchanged by the web app, and the page's script, which reads the card again from
 * the web app): Carol edits her post while Alice reads it on her home feed, and while Alice has its comments open on
 * the post's page; the new text replaces the old one, marked edited, and the open comments stay open.
 */
class PostEditedLiveTest {

    @Test
    void anEditReplacesThePostsTextOnAnotherPersonsHomeFeed() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String post = Api.postIri("carol", "Town hall on Tuesday " + marker);
        By card = By.xpath("//article[@data-post='" + post + "']");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> d.findElement(card).getText().contains("Tuesday " + marker));
            alice.awaitLive();
            alice.markDocument();

            Api.edit("carol", post, "Town hall moved to Thursday " + marker);

            alice.until(d -> d.findElement(card).getText().contains("Thursday " + marker));
            WebElement shown = alice.find(card);
            assertThat(shown.getText()).doesNotContain("Tuesday").contains("edited");
            assertThat(shown.findElements(By.cssSelector(".content"))).hasSize(1);
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
        }
    }

    @Test
    void anEditReplacesThePostsTextOnItsPageAndLeavesItsCommentsAsTheyAre() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String post = Api.postIri("carol", "Draft agenda " + marker);
        Api.comment("bob", post, "Add the budget, please " + marker);
        By card = By.xpath("//article[@data-post='" + post + "']");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/posts/" + post.substring(post.lastIndexOf(':') + 1));
            alice.until(d -> d.findElement(card).getText().contains("Add the budget, please " + marker));
            alice.awaitLive();
            alice.markDocument();

            Api.edit("carol", post, "Final agenda " + marker);

            alice.until(d -> d.findElement(card).findElement(By.cssSelector(".content")).getText().contains("Final agenda " + marker));
            assertThat(alice.find(card).findElement(By.cssSelector(".thread")).getText())
                    .as("the open thread stayed").contains("Add the budget, please " + marker);
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
        }
    }
}
