package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search text from the address goes through the one text-hygiene rule ({@code events} {@code TextHygiene.line})
 * before the web uses or shows it: a crafted link with a NUL or a right-to-left override ({@code U+202E}) in
 * {@code q} (search, people, communities, dashboard) or {@code skill} (who knows X) no longer makes the reader's page show reversed text in the search box or in
 * "No results for “…”", and the services are asked for the clean text.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class QueryHygieneTest {

    /** What {@code TextHygiene.line} removes: control characters, bidi embeddings, overrides and isolates, invisibles. */
    static final Pattern UNCLEAN = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u2060\\uFEFF\\u180E]");

    /** {@code Kafka} with an override, a zero-width space and a NUL, percent-encoded as a crafted link carries it. */
    static final String DIRTY = "Ka%E2%80%AEf%E2%80%8Bka%00";

    @BeforeEach
    void nothingIsFound() {
        SERVICES.reset();
        SERVICES.on("GET /api/search", 200, """
                {"total":0,"hits":[],"facets":{},"labels":{}}""");
        SERVICES.on("GET /api/search/people", 200, """
                {"people":[],"contributors":[]}""");
        SERVICES.on("GET /api/expertise", 200, "[]");
    }

    @Test
    void theSearchPageShowsAndSearchesTheCleanText() {
        String html = asAlice().get("/search?q=" + DIRTY).then().statusCode(200).extract().asString();

        assertClean(html);
        assertThat(html).contains("id=\"search-q\" name=\"q\" type=\"search\" role=\"combobox\" maxlength=\"500\" value=\"Kafka\"",
                "No results for “Kafka”.");
        assertThat(sent("GET /api/search?")).isEqualTo("Kafka");
    }

    @Test
    void aTickedFilterIsCleanedBeforeItIsSentOn() {
        asAlice().get("/search?q=kafka&community=urn%3Arelais%3Acommunity%3Ada%E2%80%AEta%00").then().statusCode(200);

        String line = SERVICES.calls().stream().filter(c -> c.line().startsWith("GET /api/search?")).findFirst().orElseThrow().line();
        assertThat(URLDecoder.decode(line.replaceFirst(".*[?&]community=([^&]*).*", "$1"), StandardCharsets.UTF_8))
                .isEqualTo("urn:relais:community:data");
    }

    @Test
    void thePeopleSearchShowsAndSearchesTheCleanText() {
        String html = asAlice().get("/people?q=" + DIRTY).then().statusCode(200).extract().asString();

        assertClean(html);
        assertThat(html).contains("name=\"q\" type=\"search\" maxlength=\"500\" value=\"Kafka\"", "No results for “Kafka”.");
        assertThat(sent("GET /api/search/people?")).isEqualTo("Kafka");
    }

    @Test
    void whoKnowsShowsAndAsksForTheCleanSkill() {
        String html = asAlice().get("/people?skill=" + DIRTY).then().statusCode(200).extract().asString();

        assertClean(html);
        assertThat(html).contains("name=\"skill\" type=\"search\" value=\"Kafka\"", "No results for “Kafka”.");
        String asked = SERVICES.calls().stream().filter(c -> c.line().startsWith("GET /api/expertise?")).findFirst()
                .orElseThrow().line();
        assertThat(URLDecoder.decode(asked.replaceFirst(".*[?&]skill=([^&]*).*", "$1"), StandardCharsets.UTF_8)).isEqualTo("Kafka");
    }

    @Test
    void theCommunityDirectoryAndTheDashboardShowAndAskForTheCleanText() {
        SERVICES.on("GET /api/communities", 200, "[]");

        String directory = asAlice().get("/communities?q=" + DIRTY).then().statusCode(200).extract().asString();
        String dashboard = given().header("X-Test-Login", "bob").header("X-Test-Roles", "employee,community-manager")
                .header("Accept-Language", "en").urlEncodingEnabled(false).redirects().follow(false)
                .get("/dashboard?q=" + DIRTY).then().statusCode(200).extract().asString();

        assertClean(directory);
        assertClean(dashboard);
        assertThat(directory).contains("id=\"community-q\" name=\"q\" type=\"search\" value=\"Kafka\"");
        assertThat(dashboard).contains("id=\"dash-q\" name=\"q\" type=\"search\" value=\"Kafka\"");
        assertThat(SERVICES.calls().stream().filter(c -> c.line().startsWith("GET /api/communities?")).map(c -> c.line())
                .map(line -> URLDecoder.decode(line.replaceFirst(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8)))
                .hasSize(2).containsOnly("Kafka");
    }

    private static void assertClean(String html) {
        var m = UNCLEAN.matcher(html.replace("\n", "").replace("\r", "").replace("\t", ""));
        assertThat(m.find()).as("the page shows U+%04X", m.find(0) ? (int) m.group().charAt(0) : 0).isFalse();
    }

    /** The {@code q} the web sent with the first request whose line starts so. */
    private static String sent(String start) {
        String line = SERVICES.calls().stream().filter(c -> c.line().startsWith(start)).findFirst().orElseThrow().line();
        return URLDecoder.decode(line.replaceFirst(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    /** The address sent as written: its percent-escapes are the crafted link. */
    private static RequestSpecification asAlice() {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .urlEncodingEnabled(false).redirects().follow(false);
    }
}
