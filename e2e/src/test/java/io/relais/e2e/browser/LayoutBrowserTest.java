package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout problems people met (issue 14), measured in the browser at a desktop (1280×800) and a phone (390×844)
 * size, with a screenshot of each page kept in target/layout-screenshots for a person to look at.
 */
class LayoutBrowserTest {

    static final Path SHOTS = Path.of("target", "layout-screenshots");

    @Test
    void atDesktopWidthInFrenchTheHeaderSearchBoxKeepsItsRoom() {
        try (Browser marie = Browser.open("fr-FR", 1280, 800)) {
            marie.loginAs("alice");
            marie.screenshot(SHOTS.resolve("home-fr-1280.png"));

            Map<?, ?> box = rect(marie, marie.find(By.id("top-q")));
            assertThat(((Number) box.get("width")).doubleValue()).as("header search box width in px").isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void onAPhoneTheProfileFormsSaveButtonIsFullyOnScreen() {
        try (Browser phone = Browser.open("en-GB", 390, 844)) {
            phone.loginAs("alice");
            phone.go("/people/me/edit");
            WebElement save = phone.find(By.cssSelector("form .composer-actions button[type=submit]"));
            phone.js("arguments[0].scrollIntoView({block: 'center'});", save);
            phone.screenshot(SHOTS.resolve("profile-edit-en-390.png"));

            Map<?, ?> r = rect(phone, save);
            double viewport = ((Number) phone.js("return document.documentElement.clientWidth;")).doubleValue();
            assertThat(((Number) r.get("left")).doubleValue()).as("Save button's left edge").isGreaterThanOrEqualTo(0);
            assertThat(((Number) r.get("right")).doubleValue()).as("Save button's right edge, viewport " + viewport).isLessThanOrEqualTo(viewport);
            double bottomBar = ((Number) phone.js("var n = document.querySelector('.mainnav'); return n ? n.getBoundingClientRect().top : window.innerHeight;")).doubleValue();
            assertThat(((Number) r.get("bottom")).doubleValue()).as("Save button above the bottom navigation").isLessThanOrEqualTo(bottomBar);
        }
    }

    @Test
    void onAPhoneSearchFiltersLeaveTheFirstResultAboveTheFold() {
        try (Browser phone = Browser.open("en-GB", 390, 844)) {
            phone.loginAs("alice");
            phone.go("/search?q=bienvenue");
            phone.screenshot(SHOTS.resolve("search-en-390.png"));

            WebElement count = phone.await(By.id("result-count"));
            double top = ((Number) rect(phone, count).get("top")).doubleValue();
            double fold = ((Number) phone.js("var n = document.querySelector('.mainnav'); return n ? n.getBoundingClientRect().top : window.innerHeight;")).doubleValue();
            assertThat(top).as("results start (px from the top) above the fold at " + fold).isLessThan(fold - 120);
        }
    }

    /**
     * On a phone a notification's text has the width of its item and its actions do not cover it: the actions (Mark as
     * read, Mute this thread, Mute this community) took the whole row and squeezed the text beside them to a letter per
     * line, or were drawn over it.
     */
    @Test
    void onAPhoneANotificationsTextKeepsTheWidthOfItsItem() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = "e2e-notif-" + id;
        Api.createCommunity("bob", slug, "Narrow screens " + id, "public");
        Api.post("bob", "A question for @alice about narrow screens " + id, slug);

        try (Browser phone = Browser.open("en-GB", 390, 844)) {
            phone.loginAs("alice");
            By item = By.xpath("//li[contains(@class,'notification')][contains(., 'Narrow screens " + id + "')]");
            phone.until(d -> {
                phone.go("/notifications");
                return !d.findElements(item).isEmpty();
            });
            WebElement notification = phone.find(item);
            phone.js("arguments[0].scrollIntoView({block: 'start'});", notification);
            phone.screenshot(SHOTS.resolve("notifications-en-390.png"));

            Map<?, ?> whole = rect(phone, notification);
            Map<?, ?> text = rect(phone, notification.findElement(By.cssSelector(".what")));
            Map<?, ?> actions = rect(phone, notification.findElement(By.cssSelector(".n-actions")));
            assertThat(num(text, "width")).as("the text's width in px, in an item " + num(whole, "width") + " px wide")
                    .isGreaterThanOrEqualTo(0.6 * num(whole, "width"));
            assertThat(num(actions, "top") >= num(text, "bottom") || num(actions, "left") >= num(text, "right"))
                    .as("the actions " + actions + " lie beside or below the text " + text + ", not over it").isTrue();
            assertThat(num(actions, "right")).as("the actions' right edge").isLessThanOrEqualTo(num(whole, "right"));
        }
    }

    private static double num(Map<?, ?> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }

    /**
     * On a phone the search filters fit the screen: they were one strip running sideways past its right edge, which
     * cut off filters and their values (a long community name, several authors) and had to be scrolled sideways.
     */
    @Test
    void onAPhoneTheSearchFiltersFitTheScreen() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String word = "filtresmobiles" + id;
        String slug = "e2e-filters-" + id;
        Api.createCommunity("bob", slug, "Customer experience and satisfaction programme " + id, "public");
        Api.post("bob", "Plan " + word + " for the programme", slug);
        Api.comment("carol", Api.postIri("alice", "Kick-off " + word), "Notes on " + word);

        try (Browser phone = Browser.open("fr-FR", 390, 844)) {
            phone.loginAs("alice");
            phone.until(d -> {
                phone.go("/search?q=" + word);
                return d.findElements(By.cssSelector(".facets input[name=author]")).size() >= 2
                        && !d.findElements(By.cssSelector(".facets input[name=community]")).isEmpty();
            });
            phone.screenshot(SHOTS.resolve("search-filters-fr-390.png"));

            Map<?, ?> widths = (Map<?, ?>) phone.js("var f = document.querySelector('.facets form');"
                    + " return {page: document.documentElement.scrollWidth, inner: window.innerWidth, filters: f.scrollWidth, panel: f.clientWidth};");
            double viewport = ((Number) widths.get("inner")).doubleValue();
            assertThat(((Number) widths.get("page")).doubleValue()).as("page width in px at a viewport of " + viewport)
                    .isLessThanOrEqualTo(viewport);
            assertThat(((Number) widths.get("filters")).doubleValue()).as("the filters' width in px, in a panel " + widths.get("panel") + " px wide")
                    .isLessThanOrEqualTo(((Number) widths.get("panel")).doubleValue());
            for (WebElement filter : phone.findAll(By.cssSelector(".facets legend, .facets label"))) {
                Map<?, ?> r = rect(phone, filter);
                assertThat(((Number) r.get("right")).doubleValue()).as("right edge of the filter " + filter.getAttribute("textContent").strip())
                        .isLessThanOrEqualTo(viewport);
            }
        }
    }

    private static Map<?, ?> rect(Browser b, WebElement e) {
        return (Map<?, ?>) b.js("var r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};", e);
    }
}
