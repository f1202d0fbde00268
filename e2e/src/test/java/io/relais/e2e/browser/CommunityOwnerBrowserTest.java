package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community's owner runs it from its page: pins, invitations by name, roles and ownership transfer, settings and
 * archive; what cannot be done is explained next to the button, never as an error page.
 */
class CommunityOwnerBrowserTest {

    @Test
    void theOwnerPinsAPostAndUnpinsIt() {
        String slug = Communities.freshSlug("pins");
        Api.createCommunity("alice", slug, "Pins " + slug, "public");
        String marker = "Agenda-" + slug;
        Api.post("alice", marker, slug);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/communities/" + slug);
                return d.findElement(By.id("feed")).getText().contains(marker);
            });

            alice.find(By.cssSelector("#feed .pin-form button")).click();
            assertThat(alice.await(By.cssSelector(".pinned-posts")).getText()).contains(marker);

            alice.find(By.cssSelector(".pinned-posts .pin-form button")).click();
            alice.until(d -> d.findElements(By.cssSelector(".pinned-posts")).isEmpty());
            assertThat(alice.find(By.cssSelector("#feed .pin-form button")).getText()).isEqualTo("Pin");
        }
    }

    @Test
    void theLastOwnerLeavingIsToldWhatToDoOnThePage() {
        String slug = Communities.freshSlug("last");
        Api.createCommunity("alice", slug, "Last " + slug, "public");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);

            alice.find(By.id("leave")).click();

            assertThat(alice.await(By.id("membership-problem")).getText()).contains("You are the last owner", "make someone else owner");
            assertThat(alice.find(By.id("community-title")).getText()).isEqualTo("Last " + slug);
            assertThat(Communities.statusOf("alice", slug)).isEqualTo("member");
        }
    }

    @Test
    void anInvitationIsSentByPickingAColleagueByNameAndAnUnknownNameIsRefused() {
        String slug = Communities.freshSlug("invite");
        Api.createCommunity("alice", slug, "Invite " + slug, "private");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);

            alice.find(By.id("invite-person")).sendKeys("Bob Mar");
            alice.await(By.cssSelector("#invitee-options input[value='bob']")).click();
            alice.find(By.id("invite-button")).click();
            assertThat(alice.await(By.id("invite-problem")).getText()).isEqualTo("Invitation sent to Bob Martin.");
            assertThat(Communities.statusOf("bob", slug)).isEqualTo("invited");

            alice.find(By.id("invite-person")).sendKeys("Zyxw Nobody");
            alice.find(By.id("invite-button")).click();
            assertThat(alice.await(By.id("invite-problem")).getText()).contains("No colleague is called “Zyxw Nobody”");
            assertThat(alice.find(By.id("invite-person")).getAttribute("aria-invalid")).isEqualTo("true");
        }
    }

    @Test
    void theOwnerHandsTheCommunityOverAndCanThenLeave() {
        String slug = Communities.freshSlug("handover");
        Api.createCommunity("alice", slug, "Handover " + slug, "public");
        Communities.join("bob", slug);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);

            new Select(alice.find(By.id("role-of-bob"))).selectByValue("owner");
            alice.find(By.id("set-role-bob")).click();
            assertThat(alice.await(By.id("role-bob")).getText()).isEqualToIgnoringCase("owner");

            alice.find(By.id("leave")).click();
            alice.await(By.id("join"));
            assertThat(Communities.statusOf("alice", slug)).isEqualTo("none");
        }
    }

    @Test
    void theOwnerRenamesTheCommunityThenArchivesItAfterConfirming() {
        String slug = Communities.freshSlug("settings");
        Api.createCommunity("alice", slug, "Settings " + slug, "public");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);
            alice.find(By.id("settings-link")).click();

            alice.await(By.id("settings-name")).clear();
            alice.find(By.id("settings-name")).sendKeys("Renamed " + slug);
            alice.find(By.id("save-settings")).click();
            alice.until(d -> d.findElement(By.id("community-title")).getText().equals("Renamed " + slug));

            alice.find(By.id("settings-link")).click();
            alice.await(By.id("archive-confirm")).click();
            alice.find(By.id("archive-button")).click();
            assertThat(alice.await(By.id("archived-state")).getText()).isEqualToIgnoringCase("archived"); // the line is upper-cased by CSS
            assertThat(Communities.community("alice", slug).get("archived")).isEqualTo(true);
        }
    }
}
