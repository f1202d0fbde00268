package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every one-line field that offers @mention / #hashtag (or search) suggestions is a WAI-ARIA 1.2 combobox:
 * {@code role=combobox}, {@code aria-autocomplete=list}, {@code aria-expanded} (false until the list opens),
 * {@code aria-controls} naming its listbox; the options are {@code role=option} with {@code aria-selected}. The composer's
 * textarea may have no other role than textbox (ARIA in HTML, which allows no role on {@code textarea}): it is a textbox
 * with {@code aria-autocomplete=list} and {@code aria-controls}, without the combobox's {@code aria-expanded}. One script
 * ({@code relais.js} {@code setupSuggest}) drives them all. Before, the comment and reply boxes had no combobox role.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class SuggestionComboboxTest {

    @BeforeEach
    void aThreadOneMayCommentOn() {
        SERVICES.reset();
        SERVICES.on("GET /api/posts/p1", 200, """
                {"post":{"id":"urn:relais:post:p1","content":"<p>Launch</p>","author":{"login":"bob","displayName":"Bob"},
                         "can":{"edit":false,"delete":false,"moderate":false,"comment":true,"react":true}},
                 "comments":[{"id":"urn:relais:comment:c1","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
                   "author":{"login":"carol"},"content":"<p>First</p>","created":"2026-11-20T09:15:00Z",
                   "can":{"edit":false,"delete":false,"moderate":false,"comment":true,"react":true}}]}""")
                .on("GET /api/search/suggest", 200, """
                        {"suggestions":[{"type":"person","id":"urn:relais:person:bob","label":"Bob Durand","detail":"bob"},
                                        {"type":"hashtag","id":"urn:relais:hashtag:bobsleigh","label":"#bobsleigh"}]}""");
    }

    @Test
    void theComposersTextareaIsATextboxWithAListOfSuggestions() {
        List<String> fields = suggestingFields(get("/"));

        assertThat(fields).hasSize(1);
        assertThat(fields.get(0)).startsWith("<textarea id=\"composer-text\"")
                .contains("aria-autocomplete=\"list\"", "aria-controls=\"composer-suggestions\"")
                .doesNotContain("role=", "aria-expanded");
    }

    @Test
    void theCommentAndReplyBoxesAreComboboxesDrivenByTheSameScript() {
        String page = get("/posts/p1");
        List<String> fields = suggestingFields(page);

        assertThat(fields).anyMatch(f -> f.contains("id=\"comment-on-p1\"")).anyMatch(f -> f.contains("id=\"reply-c1\""));
        fields.forEach(f -> assertCombobox(f, null));
        assertThat(page).contains("<ul id=\"comment-on-p1-suggestions\" class=\"suggestions\" role=\"listbox\"",
                "<ul id=\"reply-c1-suggestions\" class=\"suggestions\" role=\"listbox\"");
    }

    @Test
    void theSearchBoxIsOneToo() {
        suggestingFields(get("/search?q=x")).forEach(f -> assertCombobox(f, "search-suggestions"));
    }

    @Test
    void eachSuggestionIsAnOptionNotSelectedUntilHighlighted() {
        String html = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .header("HX-Request", "true").queryParam("q", "@bob").get("/suggest").then().statusCode(200).extract().asString();

        Matcher options = Pattern.compile("<li [^>]*>").matcher(html);
        int n = 0;
        while (options.find()) {
            assertThat(options.group()).contains("role=\"option\"", "aria-selected=\"false\"");
            n++;
        }
        assertThat(n).isEqualTo(2);
    }

    private static void assertCombobox(String field, String listbox) {
        assertThat(field).contains("role=\"combobox\"", "aria-autocomplete=\"list\"", "aria-expanded=\"false\"")
                .containsPattern("aria-controls=\"[^\"]+-suggestions\"");
        if (listbox != null) {
            assertThat(field).contains("aria-controls=\"" + listbox + "\"");
        }
    }

    /** The opening tags of the fields the suggestion script takes ({@code data-suggest}). */
    private static List<String> suggestingFields(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<(input|textarea)\\b[^>]*data-suggest=[^>]*>").matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as("fields with suggestions").isNotEmpty();
        return found;
    }

    private static String get(String path) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get(path).then().statusCode(200).extract().asString();
    }
}
