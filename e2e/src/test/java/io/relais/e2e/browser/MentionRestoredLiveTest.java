package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carol mentions Alice in a comment; bob, community manager, hides it, then restores it: Alice's open notifications
 * page loses the mention, then gets it back — in her badge and in her list, at its place — without a reload
 * (feed-service's {@code notifications-taken-back} and {@code notifications-shown-again} events on her live stream).
 */
class MentionRestoredLiveTest {

    @Test
    void aliceSeesTheMentionOfARestoredCommentComeBackToHerBadgeAndListWithoutReloading() {
        String marker = "relais-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String mentionOfMarker = "//li[@data-kind='mention'][contains(., '" + marker + "')]";
        String post = Api.postIri("carol", "Agenda of the works council " + marker);
        String comment = Api.comment("carol", post, "@alice can you check the minutes? " + marker);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/notifications");
                return !d.findElements(By.xpath(mentionOfMarker)).isEmpty();
            });

            Api.moderate("bob", comment, "hide", "Checking a complaint");
            alice.until(d -> {
                alice.go("/notifications");
                return d.findElements(By.xpath(mentionOfMarker)).isEmpty();
            });
            alice.awaitLive();
            int unreadBefore = Api.unread("alice");
            alice.until(d -> alice.unreadBadge() == unreadBefore); // the badge loads after the page
            alice.markDocument();

            Api.moderate("bob", comment, "restore", "The complaint was unfounded");

            alice.until(d -> !d.findElements(By.xpath(mentionOfMarker)).isEmpty() && alice.unreadBadge() == unreadBefore + 1);
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();
            // the list's own item, at its place: nothing newer below it
            Instant at = Instant.parse(alice.find(By.xpath(mentionOfMarker)).getAttribute("data-at"));
            assertThat(alice.findAll(By.xpath(mentionOfMarker + "/preceding-sibling::li[@data-at]")))
                    .allSatisfy(newer -> assertThat(Instant.parse(newer.getAttribute("data-at"))).isAfterOrEqualTo(at));
            assertThat(alice.find(By.xpath(mentionOfMarker)).getText()).contains("can you check the minutes?");
        }
    }
}
