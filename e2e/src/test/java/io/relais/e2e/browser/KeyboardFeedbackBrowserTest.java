package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a keyboard and screen-reader user meets: Follow / Unfollow keep the focus on the pressed button (no reload, the
 * focus never falls to {@code <body>}) and the status region says what happened; the composer's highlighted
 * suggestion is named to assistive technology (aria-activedescendant) and Escape closes the list; the landing page
 * names the site once in its title.
 */
class KeyboardFeedbackBrowserTest {

    @Test
    void followingAndUnfollowingByKeyboardKeepsTheFocusOnTheButtonAndSaysSo() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/people/carol");
            if (!alice.findAll(By.id("follow-state")).isEmpty()) {
                press(alice, "follow-button"); // a previous run left alice following carol
                alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
            }
            alice.markDocument();

            press(alice, "follow-button");
            alice.await(By.id("follow-state"));
            assertThat(focusedId(alice)).as("focus after Follow").isEqualTo("follow-button");
            alice.until(d -> flash(alice).startsWith("You follow "));

            press(alice, "follow-button");
            alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
            assertThat(focusedId(alice)).as("focus after Unfollow").isEqualTo("follow-button");
            assertThat(alice.find(By.id("follow-button")).getText()).isEqualTo("Follow");
            alice.until(d -> flash(alice).startsWith("You no longer follow "));
            assertThat(alice.stillSameDocument()).as("no page reload").isTrue();
        }
    }

    @Test
    void aLineOfFollowingTurnsIntoFollowAgainWithTheFocusOnIt() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/people/carol");
            if (alice.findAll(By.id("follow-state")).isEmpty()) {
                press(alice, "follow-button");
                alice.await(By.id("follow-state"));
            }
            alice.go("/following");
            alice.markDocument();

            press(alice, "unfollow-person-carol");
            alice.until(d -> "Follow".equals(d.findElement(By.id("unfollow-person-carol")).getText()));
            assertThat(focusedId(alice)).isEqualTo("unfollow-person-carol");
            alice.until(d -> flash(alice).startsWith("You no longer follow "));

            press(alice, "unfollow-person-carol");
            alice.until(d -> "Unfollow".equals(d.findElement(By.id("unfollow-person-carol")).getText()));
            assertThat(focusedId(alice)).isEqualTo("unfollow-person-carol");
            assertThat(alice.stillSameDocument()).isTrue();
            press(alice, "unfollow-person-carol"); // leave carol unfollowed, as other tests expect to find her
            alice.until(d -> "Follow".equals(d.findElement(By.id("unfollow-person-carol")).getText()));
        }
    }

    @Test
    void theComposersSuggestionsAreNamedToAssistiveTechnology() {
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            WebElement text = bob.find(By.id("composer-text"));
            assertThat(text.getAttribute("aria-autocomplete")).isEqualTo("list");

            text.sendKeys("Thanks @ali");
            WebElement first = bob.await(By.cssSelector("#composer-suggestions [role=option]"));
            bob.until(d -> first.getAttribute("id").equals(text.getAttribute("aria-activedescendant")));
            assertThat(text.getAttribute("aria-controls")).isEqualTo("composer-suggestions");
            assertThat(first.getAttribute("aria-selected")).isEqualTo("true");

            text.sendKeys(Keys.ESCAPE);
            bob.until(d -> !bob.find(By.id("composer-suggestions")).isDisplayed());
            assertThat(text.getAttribute("aria-activedescendant")).isNull();
        }
    }

    @Test
    void theLandingPageNamesTheSiteOnce() {
        try (Browser anonymous = Browser.open()) {
            anonymous.go("/");
            assertThat(anonymous.js("return document.title;")).isEqualTo("Relais");
        }
    }

    /** Focuses the button and presses Enter, as a keyboard user does. */
    private static void press(Browser b, String id) {
        b.js("document.getElementById(arguments[0]).focus();", id);
        b.find(By.id(id)).sendKeys(Keys.ENTER);
    }

    private static String focusedId(Browser b) {
        return (String) b.js("var a = document.activeElement; return a ? (a.id || a.tagName) : null;");
    }

    private static String flash(Browser b) {
        return b.find(By.id("flash")).getText();
    }
}
