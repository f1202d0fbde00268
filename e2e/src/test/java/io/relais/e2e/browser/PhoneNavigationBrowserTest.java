package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone every entry of the bottom navigation can be reached and tapped, whatever the role and the language: an
 * administrator's or a community manager's bar has eight entries (Dashboard and Moderation besides everyone's six), which
 * ran 70 px past a 375 px screen's right edge with nothing to scroll, so nothing was under My profile's and Log out's
 * centres and they could not be tapped. The bar scrolls sideways when its entries do not fit. Screenshots in
 * target/layout-screenshots.
 */
class PhoneNavigationBrowserTest {

    static final Path SHOTS = Path.of("target", "layout-screenshots");
    static final By ENTRIES = By.cssSelector("nav.mainnav li > a, nav.mainnav li button.logout");

    @Test
    void onAPhoneAnAdministratorReachesEveryNavigationEntryAndLogsOut() {
        try (Browser carol = Browser.open("en-GB", 375, 812)) {
            carol.loginAs("carol");
            carol.screenshot(SHOTS.resolve("nav-admin-en-375.png"));

            List<WebElement> entries = carol.findAll(ENTRIES);
            assertThat(entries).extracting(e -> e.findElement(By.className("lbl")).getAttribute("textContent").strip())
                    .containsExactly("Home", "Communities", "People", "Dashboard", "Moderation", "Notifications", "My profile", "Log out");
            for (WebElement entry : entries) {
                carol.js("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'});", entry);
                assertTappable(carol, entry);
            }

            // taps it where it is now: WebDriver's click fails when another element would get the tap
            carol.find(By.cssSelector("nav.mainnav button.logout")).click();
            carol.await(By.id("login"));
            carol.go("/notifications");
            carol.await(By.id("username"));
        }
    }

    /**
     * French labels are longer and 320 px is the narrowest phone: each entry still comes into view when the keyboard
     * focuses it, and the bar opens on the current page's entry (Moderation lies past the screen's edge otherwise).
     */
    @Test
    void onANarrowPhoneInFrenchEveryEntryComesIntoViewWhenFocusedAndTheCurrentOneIsShown() {
        try (Browser carol = Browser.open("fr-FR", 320, 640)) {
            carol.loginAs("carol");
            List<WebElement> entries = carol.findAll(ENTRIES);
            assertThat(entries).as("entries of an administrator's bar").hasSize(8);
            for (WebElement entry : entries) {
                carol.js("arguments[0].focus();", entry);
                assertTappable(carol, entry);
            }

            carol.go("/moderation");
            carol.screenshot(SHOTS.resolve("nav-admin-moderation-fr-320.png"));
            assertTappable(carol, carol.find(By.id("nav-moderation")));
        }
    }

    /**
     * The entry lies inside the screen and is what a tap at its centre reaches (itself, its icon or its label). A browser
     * may scroll after focus or scrollIntoView returns: the position is read again for up to 5 s before failing.
     */
    private static void assertTappable(Browser b, WebElement entry) {
        String name = entry.findElement(By.className("lbl")).getAttribute("textContent").strip();
        Map<?, ?>[] at = new Map<?, ?>[1];
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(5)).until(d -> {
                at[0] = (Map<?, ?>) b.js("""
                        var e = arguments[0], r = e.getBoundingClientRect();
                        var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                        return {left: r.left, right: r.right, bottom: r.bottom,
                                width: document.documentElement.clientWidth, height: window.innerHeight,
                                hit: hit ? hit.tagName + '.' + hit.className : 'nothing', reached: !!hit && e.contains(hit)};""", entry);
                return num(at[0], "left") >= 0 && num(at[0], "right") <= num(at[0], "width")
                        && num(at[0], "bottom") <= num(at[0], "height") && Boolean.TRUE.equals(at[0].get("reached"));
            });
        } catch (TimeoutException notTappable) {
            // the assertions below say which rule it broke
        }
        assertThat(num(at[0], "left")).as("left edge of %s", name).isGreaterThanOrEqualTo(0);
        assertThat(num(at[0], "right")).as("right edge of %s, screen %s px wide", name, at[0].get("width"))
                .isLessThanOrEqualTo(num(at[0], "width"));
        assertThat(num(at[0], "bottom")).as("bottom edge of %s", name).isLessThanOrEqualTo(num(at[0], "height"));
        assertThat(at[0].get("reached")).as("a tap at the centre of %s reaches it, not %s", name, at[0].get("hit")).isEqualTo(true);
    }

    private static double num(Map<?, ?> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }
}
