package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long URL or unbroken word in what people write wraps instead of widening the page: on a phone (390×844) the
 * notifications, a thread, the home feed and search never scroll sideways, and a comment found by search reads like a
 * post hit (findings 1 and 2 of a fresh-user tryout).
 */
class LongWordsBrowserTest {

    /** About 130 characters without a break opportunity: wider than a phone screen at any font size. */
    static final String LONG_URL = "https://intranet.example.org/projects/" + "roadmap".repeat(12) + "/final-v2";

    @Test
    void onAPhoneNoPageShowingALongUrlScrollsSideways() {
        String marker = "widepage" + UUID.randomUUID().toString().substring(0, 8);
        String post = CommentThreadBrowserTest.postAs("alice", "Roadmap " + marker + " " + LONG_URL);
        given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).body(Map.of("content", marker + " " + LONG_URL))
                .post(Api.FEED + "/api/posts/" + post + "/comments").then().statusCode(201);

        try (Browser phone = Browser.open("en-GB", 390, 844)) {
            phone.loginAs("alice");
            phone.until(d -> {
                phone.go("/notifications");
                return !d.findElements(By.xpath("//li[@data-kind='reply'][contains(., '" + marker + "')]")).isEmpty();
            });
            assertNoSidewaysScroll(phone, "/notifications");

            phone.go("/posts/" + post);
            phone.await(By.xpath("//li[@data-comment][contains(., '" + marker + "')]"));
            assertNoSidewaysScroll(phone, "/posts/" + post);

            phone.go("/");
            phone.await(By.xpath("//article[contains(., '" + marker + "')]"));
            assertNoSidewaysScroll(phone, "/");

            searchUntilACommentHit(phone, marker);
            assertNoSidewaysScroll(phone, "/search?q=" + marker);
        }
    }

    @Test
    void atDesktopWidthACommentFoundBySearchReadsLikeAPostHit() {
        String marker = "commenthit" + UUID.randomUUID().toString().substring(0, 8);
        String post = CommentThreadBrowserTest.postAs("alice", "Quarterly plan");
        given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).body(Map.of("content", "Agreed on " + marker))
                .post(Api.FEED + "/api/posts/" + post + "/comments").then().statusCode(201);

        try (Browser desk = Browser.open("en-GB", 1366, 900)) {
            desk.loginAs("bob");
            WebElement hit = searchUntilACommentHit(desk, marker);
            Map<?, ?> title = rect(desk, hit.findElement(By.tagName("h2")));
            Map<?, ?> snippet = rect(desk, hit.findElement(By.className("snippet")));
            assertThat(num(snippet.get("top"))).as("the snippet starts under the title, not in a column beside it")
                    .isGreaterThanOrEqualTo(num(title.get("bottom")));
            assertThat(num(title.get("width"))).as("the title takes the hit's width (hit %s px)", num(rect(desk, hit).get("width")))
                    .isGreaterThan(num(rect(desk, hit).get("width")) * 0.6);
        }
    }

    private static WebElement searchUntilACommentHit(Browser b, String word) {
        By commentHit = By.cssSelector(".hit[data-hit^='urn:relais:comment:']");
        b.until(d -> {
            b.go("/search?q=" + word);
            return !b.findAll(commentHit).isEmpty();
        });
        return b.find(commentHit);
    }

    private static void assertNoSidewaysScroll(Browser b, String page) {
        Map<?, ?> widths = (Map<?, ?>) b.js("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
        assertThat(num(widths.get("scroll"))).as("%s: page width in px at a viewport of %s px", page, widths.get("inner"))
                .isLessThanOrEqualTo(num(widths.get("inner")));
    }

    private static Map<?, ?> rect(Browser b, WebElement e) {
        return (Map<?, ?>) b.js("var r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, width: r.width};", e);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
