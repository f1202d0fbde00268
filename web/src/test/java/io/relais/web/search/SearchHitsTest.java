package io.relais.web.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment found by search is listed like a post: its hit carries no class name of the page's other rules (the
 * thread's {@code .comment} is a flex row that squeezed a comment hit into columns and widened a phone's page).
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class SearchHitsTest {

    @BeforeEach
    void searchFindsAPostAndAComment() {
        SERVICES.reset();
        SERVICES.on("GET /api/search", 200, """
                {"total":2,"hits":[
                 {"id":"urn:relais:post:p1","type":"post","title":"Roadmap","snippet":"the <mark>roadmap</mark>",
                  "author":"urn:relais:person:alice","published":"2026-11-20T09:15:00Z"},
                 {"id":"urn:relais:comment:c1","type":"comment","context":"urn:relais:post:p1","snippet":"agreed on the <mark>roadmap</mark>",
                  "author":"urn:relais:person:bob","published":"2026-11-20T10:15:00Z"}],
                 "facets":{},"labels":{}}""");
    }

    @Test
    void aCommentHitCarriesNoClassOfTheThreadsRules() throws Exception {
        String html = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee")
                .get("/search?q=roadmap").then().statusCode(200).extract().asString();
        List<String> comment = classesOfHit(html, "urn:relais:comment:c1");
        List<String> post = classesOfHit(html, "urn:relais:post:p1");

        String css = Files.readString(Path.of("src", "main", "resources", "META-INF", "resources", "css", "relais.css"),
                StandardCharsets.UTF_8);
        for (String name : comment) {
            // a class a rule of the style sheet aims at alone (".comment {", ".comment.reply") other than the hit's own
            boolean styledElsewhere = Pattern.compile("(^|[\\s,}])\\." + Pattern.quote(name) + "[\\s{.:,\\[]", Pattern.MULTILINE)
                    .matcher(css).find();
            assertThat(styledElsewhere && !name.startsWith("hit") && !name.equals("panel"))
                    .as("class %s of a comment hit is styled by a rule of another part of the page", name).isFalse();
        }
        assertThat(comment).as("a comment hit is styled as a post hit is, apart from its kind")
                .containsAll(post.stream().filter(c -> !c.startsWith("hit-")).toList());
    }

    /**
     * A post's or comment's title is the start of its text, which the snippet shows again: such a hit shows its text
     * once (the snippet), under its author's name; a community or a person keeps its title. Names stay escaped.
     */
    @Test
    void aPostOrCommentShowsItsTextOnceUnderItsAuthor() {
        SERVICES.on("GET /api/search", 200, """
                {"total":3,"hits":[
                 {"id":"urn:relais:post:p2","type":"post","title":"Inside public post narwhal #hq",
                  "snippet":"Inside public post <mark>narwhal</mark> #hq","author":"urn:relais:person:alice",
                  "community":"urn:relais:community:qa-public","published":"2026-11-20T09:15:00Z"},
                 {"id":"urn:relais:comment:c2","type":"comment","context":"urn:relais:post:p2","title":"A narwhal reply",
                  "snippet":"A <mark>narwhal</mark> reply","author":"urn:relais:person:bob","published":"2026-11-20T10:15:00Z"},
                 {"id":"urn:relais:community:narwhals","type":"community","title":"Narwhal fans",
                  "snippet":"All about <mark>narwhals</mark>"}],
                 "facets":{},"labels":{"urn:relais:person:alice":"Alice <Dubois>","urn:relais:person:bob":"Bob Martin",
                  "urn:relais:community:qa-public":"QA public"}}""");

        String html = given().header("X-Test-Login", "carol").header("X-Test-Roles", "employee")
                .get("/search?q=narwhal").then().statusCode(200).extract().asString();

        assertThat(html).containsOnlyOnce("Inside public post").containsOnlyOnce("A <mark>narwhal</mark> reply")
                .doesNotContain("A narwhal reply", "<Dubois>")
                .contains("<a href=\"/posts/p2\">Alice &lt;Dubois&gt;</a></h2>", "<a href=\"/posts/p2\">Bob Martin</a></h2>",
                        "<a href=\"/communities/narwhals\">Narwhal fans</a></h2>", "All about <mark>narwhals</mark>");
    }

    /**
     * A hit's link into its business system is labelled by what it opens ("Open document" for a document, "Open link"
     * for a business event, as its card says) and is a link only when it is an http(s) URL. Before, every hit said
     * "Open document" and any URL search-service gave became an {@code href}.
     */
    @Test
    void aHitsSystemLinkSaysWhatItOpensAndIsOnlyAWebLink() {
        SERVICES.on("GET /api/search", 200, """
                {"total":3,"hits":[
                 {"id":"urn:relais:document:ecm.sp:d1","type":"document","title":"Contrat","url":"https://ecm.example/d1"},
                 {"id":"urn:relais:external:crm.sf:o1","type":"event","title":"Deal won","url":"https://crm.example/o1"},
                 {"id":"urn:relais:external:generic.x:n1","type":"event","title":"Note","url":"javascript:alert(1)"}],
                 "facets":{},"labels":{}}""");

        String html = given().header("X-Test-Login", "carol").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get("/search?q=contrat").then().statusCode(200).extract().asString();

        assertThat(html).contains("<a href=\"https://ecm.example/d1\" rel=\"noopener noreferrer\">Open document</a>",
                "<a href=\"https://crm.example/o1\" rel=\"noopener noreferrer\">Open link</a>").doesNotContain("javascript:");
    }

    private static List<String> classesOfHit(String html, String id) {
        Matcher m = Pattern.compile("<li class=\"([^\"]*)\" data-hit=\"" + Pattern.quote(id) + "\"").matcher(html);
        assertThat(m.find()).as("a hit for %s", id).isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }
}
