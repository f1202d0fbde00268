package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.Map;

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
    void anInvitationIsSentByPickingAColleagueByNameAndAnUnknownNameIsRefusedAndASentOneIsWithdrawn() {
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
            // the page before the submit already shows the first invitation's line: wait for the answer to this one
            alice.until(d -> d.findElement(By.id("invite-problem")).getText().contains("No colleague is called “Zyxw Nobody”"));
            assertThat(alice.find(By.id("invite-person")).getAttribute("aria-invalid")).isEqualTo("true");

            // the invitation waits in the owner's list until taken back; then bob is no longer invited
            alice.go("/communities/" + slug);
            assertThat(alice.find(By.id("pending-invitations")).getText()).contains("Bob Martin");
            alice.find(By.id("withdraw-bob")).click();
            alice.until(d -> d.findElements(By.id("withdraw-bob")).isEmpty());
            assertThat(Communities.statusOf("bob", slug)).isEqualTo("none");
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

    /**
     * A public community where something was published cannot turn secret (its posts went to the whole organisation and
     * stay readable by everyone): the owner reads why on the settings page, and the community stays public for a
     * colleague (web → feed-service → web).
     */
    @Test
    void aPublicCommunityWithAPostCannotTurnSecretAndItsOwnerReadsWhy() {
        String slug = Communities.freshSlug("narrow");
        Api.createCommunity("alice", slug, "Narrow " + slug, "public");
        Api.post("alice", "Compte rendu pour toute l'organisation " + slug, slug);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug + "/settings");
            alice.await(By.cssSelector("input[name='visibility'][value='secret']")).click();
            alice.find(By.id("save-settings")).click();
            assertThat(alice.await(By.id("settings-problem")).getText()).contains("this community stays public");
            assertThat(alice.find(By.cssSelector("input[name='visibility'][value='public']")).isSelected()).isTrue();
        }
        assertThat(Communities.community("bob", slug).get("visibility")).isEqualTo("public");
    }

    /**
     * The Members panel as its owner sees it, at desktop width (the panel is the page's narrow right column) and on a
     * phone: each member's name is on one line (it was squeezed to a letter or two per line next to the role select
     * and its Change button), and the controls stay inside the panel, wrapping below the name when both do not fit.
     */
    @Test
    void theOwnerReadsEachMembersNameOnOneLineNextToTheRoleControlsAtDesktopAndPhoneWidths() {
        String slug = Communities.freshSlug("roster");
        Api.createCommunity("alice", slug, "Roster " + slug, "public");
        Communities.join("bob", slug);
        for (int[] size : new int[][] {{1280, 800}, {360, 740}}) {
            try (Browser alice = Browser.open("en-GB", size[0], size[1])) {
                alice.loginAs("alice");
                alice.go("/communities/" + slug);
                alice.await(By.id("role-of-bob"));
                alice.screenshot(Path.of("target", "layout-screenshots", "community-members-" + size[0] + ".png"));

                for (WebElement name : alice.findAll(By.cssSelector("#members-title ~ .member-list li[data-member] .grow > a"))) {
                    Map<?, ?> m = (Map<?, ?>) alice.js("""
                            var a = arguments[0], range = document.createRange(); range.selectNodeContents(a);
                            var panel = a.closest('.panel').getBoundingClientRect(), r = a.getBoundingClientRect();
                            var controls = Array.prototype.map.call(a.closest('li').querySelectorAll('select, button'),
                                function (c) { return c.getBoundingClientRect().right; });
                            return {lines: range.getClientRects().length, width: r.width, text: a.textContent,
                                    panelRight: panel.right, controlsRight: Math.max.apply(null, controls.concat([0]))};""", name);
                    String what = "member name '" + m.get("text") + "' at " + size[0] + " px";
                    assertThat(((Number) m.get("lines")).intValue()).as(what + ": lines").isEqualTo(1);
                    assertThat(((Number) m.get("width")).doubleValue()).as(what + ": width in px").isGreaterThan(50);
                    assertThat(((Number) m.get("controlsRight")).doubleValue()).as(what + ": its controls' right edge inside the panel")
                            .isLessThanOrEqualTo(((Number) m.get("panelRight")).doubleValue());
                }
                assertThat(alice.findAll(By.cssSelector("li[data-member] .grow > a"))).as("members listed").hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }
}
