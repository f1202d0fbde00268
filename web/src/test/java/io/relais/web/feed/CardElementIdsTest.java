package io.relais.web.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two business cards whose IRIs end alike ({@code …generic.sharepoint:n5}, {@code …ecm.sharepoint:n5}: the business
 * system chooses that last segment) on one page: their element ids were made of that segment, so both cards had
 * {@code post-n5}, {@code thread-n5}, {@code report-slot-n5}: Report on one opened its form inside the other, Comment
 * loaded its thread into the other, and the second card's {@code aria-labelledby} named the first one's author. Each
 * card's ids are now its own, and every target a card's controls name lies inside that card.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class CardElementIdsTest {

    static final String EXTERNAL = "urn:relais:external:generic.sharepoint:n5";
    static final String DOCUMENT = "urn:relais:document:ecm.sharepoint:n5";

    static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
    static final Pattern ARTICLE = Pattern.compile("<article\\s.*?</article>", Pattern.DOTALL);

    @BeforeEach
    void twoCardsEndingInN5() {
        SERVICES.reset();
        SERVICES.on("GET /api/feed/home", 200, """
                {"items":[{"post":%s},{"post":%s}],"next":null}""".formatted(card(EXTERNAL, "dave", "Dave Leroy"), card(DOCUMENT, "erin", "Erin Roy")));
    }

    @Test
    void twoCardsWhoseIrisEndAlikeHaveNoIdInCommonAndTheirControlsTargetTheirOwnCard() {
        String html = asAlice().get("/").then().statusCode(200).extract().asString();

        List<String> ids = ids(html);
        assertThat(ids).as("element ids of the home page").doesNotHaveDuplicates();
        assertThat(ids).as("every id is usable as a CSS selector (#id) as htmx targets are written")
                .allMatch(id -> id.matches("[A-Za-z][A-Za-z0-9_-]*"));

        List<String> cards = new ArrayList<>();
        ARTICLE.matcher(html).results().forEach(m -> cards.add(m.group()));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0)).contains("data-post=\"" + EXTERNAL + "\"", "Dave Leroy");
        assertThat(cards.get(1)).contains("data-post=\"" + DOCUMENT + "\"", "Erin Roy");
        for (String card : cards) {
            Set<String> own = new HashSet<>(ids(card));
            String report = attribute(card, "class=\"btn link report-link\"[^>]*?hx-target=\"#([^\"]+)\"");
            String thread = attribute(card, "class=\"btn link comments-toggle\"[^>]*?hx-target=\"#([^\"]+)\"");
            String controls = attribute(card, "class=\"btn link comments-toggle\" aria-expanded=\"false\" aria-controls=\"([^\"]+)\"");
            String labelledBy = attribute(card, "<article [^>]*?aria-labelledby=\"([^\"]+)\"");
            assertThat(own).as("Report's target, the thread, and the author line of the card %s", card.substring(0, 200))
                    .contains(report, thread, controls, labelledBy);
            assertThat(attribute(card, "<h2 id=\"" + Pattern.quote(labelledBy) + "\"[^>]*>\\s*<a href=\"/people/([a-z]+)\""))
                    .as("the person the card's label names").isEqualTo(card.contains("Dave Leroy") ? "dave" : "erin");
        }
    }

    /** The thread htmx loads under a card, and the Report form it opens, carry that card's own ids. */
    @Test
    void eachCardsThreadAndReportFormAnswerItsOwnIds() {
        SERVICES.on("GET /api/posts/" + EXTERNAL, 200, "{\"post\":" + card(EXTERNAL, "dave", "Dave Leroy") + ",\"comments\":[],\"next\":null}")
                .on("GET /api/posts/" + DOCUMENT, 200, "{\"post\":" + card(DOCUMENT, "erin", "Erin Roy") + ",\"comments\":[],\"next\":null}");
        String home = asAlice().get("/").then().statusCode(200).extract().asString();
        List<String> cards = new ArrayList<>();
        ARTICLE.matcher(home).results().forEach(m -> cards.add(m.group()));

        List<String> answered = new ArrayList<>();
        for (String card : cards) {
            String iri = attribute(card, "data-post=\"([^\"]+)\"");
            String comments = attribute(card, "class=\"btn link comments-toggle\"[^>]*?hx-get=\"([^\"]+)\"");
            String reportForm = attribute(card, "class=\"btn link report-link\"[^>]*?hx-get=\"([^\"]+)\"").replace("&amp;", "&");

            String thread = asAlice().header("HX-Request", "true").get(comments).then().statusCode(200).extract().asString();
            assertThat(SERVICES.lines()).as("the thread of %s asked of feed-service", iri).contains("GET /api/posts/" + iri);
            String count = attribute(thread, "<span id=\"([^\"]+)\" class=\"comment-count\" hx-swap-oob=\"true\"");
            assertThat(ids(card)).as("the comment count the thread of %s updates", iri).contains(count);
            assertThat(thread).as("the comment box of the thread of %s", iri).contains("class=\"comment-form\"");
            String form = asAlice().header("HX-Request", "true").get(reportForm).then().statusCode(200).extract().asString();
            assertThat(form).contains("name=\"object\" value=\"" + iri + "\"");

            answered.addAll(ids(thread));
            answered.addAll(ids(form));
        }
        assertThat(answered).as("ids of both cards' threads and report forms").doesNotHaveDuplicates();
    }

    private static String card(String iri, String login, String name) {
        return """
                {"id":"%s","kind":"card","author":{"login":"%s","displayName":"%s"},
                 "card":{"source":"generic","system":"sharepoint","systemName":"SharePoint","eventType":"document.published",
                         "title":{"en":"Plan %s"},"summary":{"en":"Published"}},
                 "reactions":{},"commentCount":1,"created":"2026-11-20T09:00:00Z"}""".formatted(iri, login, name, name);
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String attribute(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("%s in %s", regex, html).isTrue();
        return m.group(1);
    }

    private static RequestSpecification asAlice() {
        return given().urlEncodingEnabled(false).header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .redirects().follow(false);
    }
}
