package io.relais.web.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted comment is left out of feed-service's thread answer while the replies to it still name it
 * ({@code inReplyTo}): they stand under a placeholder in its place, not alone as if they answered what is above them.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class OrphanRepliesTest {

    /** Alice's c1 was deleted; Bob's c2 and Carol's c4 answered it, c3 is a comment of its own, c5 answers c3. */
    static final String THREAD = """
            {"post":{"id":"urn:relais:post:p1","content":"<p>Launch</p>","author":{"login":"alice"},"commentCount":4},
             "comments":[
              {"id":"urn:relais:comment:c2","post":"urn:relais:post:p1","inReplyTo":"urn:relais:comment:c1",
               "author":{"login":"bob","displayName":"Bob Durand"},"content":"<p>Bob answers</p>","created":"2026-11-20T09:15:00Z"},
              {"id":"urn:relais:comment:c3","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
               "author":{"login":"dan","displayName":"Dan"},"content":"<p>Dan comments</p>","created":"2026-11-20T09:16:00Z"},
              {"id":"urn:relais:comment:c4","post":"urn:relais:post:p1","inReplyTo":"urn:relais:comment:c1",
               "author":{"login":"carol","displayName":"Carol"},"content":"<p>Carol answers too</p>","created":"2026-11-20T09:17:00Z"},
              {"id":"urn:relais:comment:c5","post":"urn:relais:post:p1","inReplyTo":"urn:relais:comment:c3",
               "author":{"login":"bob","displayName":"Bob Durand"},"content":"<p>Bob answers Dan</p>","created":"2026-11-20T09:18:00Z"}]}""";

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/posts/p1", 200, THREAD);
    }

    @Test
    void aReplyWhoseCommentWasDeletedStandsUnderOnePlaceholderInItsPlace() {
        String html = as("bob", "en").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(count(html, "This comment is no longer available.")).as("one placeholder for the one missing comment").isEqualTo(1);
        assertThat(html.indexOf("This comment is no longer available.")).isLessThan(html.indexOf("Bob answers"));
        assertThat(html).containsPattern("<li class=\"comment gone\"[^>]*>.*</li>\\s*<li id=\"comment-c2\" class=\"comment reply\"");
        assertThat(html).contains("Dan comments", "Carol answers too", "Bob answers Dan");
    }

    @Test
    void aReplyToACommentShownGetsNoPlaceholder() {
        String html = as("bob", "en").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).containsPattern("(?s)Dan comments(?:(?!comment gone).)*Carol answers too(?:(?!comment gone).)*Bob answers Dan");
    }

    @Test
    void theLiveReloadOfTheListShowsThePlaceholderInTheReadersLanguage() {
        String html = as("bob", "fr").get("/posts/p1/comments/list").then().statusCode(200).extract().asString();

        assertThat(html).contains("Ce commentaire n&#39;est plus disponible.").doesNotContain("no longer available");
    }

    @Test
    void deletingACommentThatWasAnsweredLeavesThePlaceholderInItsPlace() {
        String html = delete("alice", "/posts/p1/comments/c1");

        assertThat(html).contains("<li class=\"comment gone\"", "This comment is no longer available.", "The comment is deleted.");
    }

    @Test
    void deletingACommentNobodyAnsweredLeavesNothingInItsPlace() {
        String html = delete("dan", "/posts/p1/comments/c5");

        assertThat(html).contains("The comment is deleted.").doesNotContain("comment gone");
    }

    private static String delete(String login, String path) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(login, "en").get("/posts/p1").asString());
        assertThat(token.find()).isTrue();
        return as(login, "en").header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true")
                .header("X-CSRF-Token", token.group(1)).delete(path).then().statusCode(200).extract().asString();
    }

    private static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    private static RequestSpecification as(String login, String language) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
