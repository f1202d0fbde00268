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
 * Reacting to a post redraws its reaction bar only, so the thread open under it stays open; and the post's
 * "Comment N" follows the thread as it is reloaded, commented on or loses a comment.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class ReactionsAndCountsTest {

    /** feed-service's thread once bob liked the post: two comments now. */
    static final String THREAD = """
            {"post":{"id":"urn:relais:post:p1","content":"<p>Launch</p>","author":{"login":"alice","displayName":"Alice"},
                     "reactions":{"like":3},"myReaction":"like","commentCount":2},
             "comments":[
              {"id":"urn:relais:comment:c1","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
               "author":{"login":"alice"},"content":"<p>First</p>","created":"2026-11-20T09:15:00Z"},
              {"id":"urn:relais:comment:c2","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
               "author":{"login":"carol"},"content":"<p>Second</p>","created":"2026-11-20T09:16:00Z"}]}""";

    static final String COUNT_OOB = "<span id=\"comment-count-p1\" class=\"comment-count\" hx-swap-oob=\"true\"><span class=\"count\">2</span></span>";

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/posts/p1", 200, THREAD);
    }

    @Test
    void theReactionBarOfAPostReplacesItselfNotTheCardWithItsThread() {
        String page = as("bob").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(page).contains("<form class=\"reactions\" hx-post=\"/posts/p1/react\" hx-target=\"this\" hx-swap=\"outerHTML\"")
                .doesNotContain("hx-target=\"#post-p1\" hx-swap=\"outerHTML\" aria-label=\"Reactions\"");
        assertThat(page).as("the page's own count is no out-of-band fragment")
                .contains("<span id=\"comment-count-p1\" class=\"comment-count\"><span class=\"count\">2</span></span>");
    }

    @Test
    void reactingAnswersTheReactionBarWithTheNewCountsAndNoThread() {
        String html = withToken("bob").formParam("reaction", "like").formParam("current", "").post("/posts/p1/react")
                .then().statusCode(200).extract().asString();

        assertThat(html).startsWith("<form class=\"reactions\"")
                .containsPattern("value=\"like\" aria-pressed=\"true\"[^>]*><span class=\"lbl\">Like</span> <span class=\"count\">3</span>")
                .contains(COUNT_OOB)
                .doesNotContain("<article", "id=\"thread-p1\"", "class=\"comments\"", "First");
    }

    /**
     * The reaction bar replaces itself, and with it the pressed button: each button keeps its id in the answer, so htmx
     * gives the focus back to the button just pressed (it refocuses the element of the same id after a swap) instead
     * of leaving it on {@code <body>}; and the status region ({@code #flash}) says what happened.
     */
    @Test
    void reactingKeepsTheFocusOnThePressedButtonAndSaysWhatHappened() {
        String reacted = withToken("bob").formParam("reaction", "like").formParam("current", "").post("/posts/p1/react")
                .then().statusCode(200).extract().asString();

        assertThat(reacted).containsPattern("<button type=\"submit\" id=\"react-p1-like\" name=\"reaction\" value=\"like\"")
                .contains("id=\"react-p1-celebrate\"", "id=\"react-p1-insightful\"", "id=\"react-p1-support\"")
                .contains("<div id=\"flash\" hx-swap-oob=\"innerHTML\"><p class=\"flash-msg ok\">Your reaction: Like.</p></div>");

        SERVICES.on("GET /api/posts/p1", 200, THREAD.replace("\"myReaction\":\"like\"", "\"myReaction\":null"));
        String takenBack = withToken("bob").formParam("reaction", "like").formParam("current", "like").post("/posts/p1/react")
                .then().statusCode(200).extract().asString();

        assertThat(takenBack).contains("id=\"react-p1-like\"", "<p class=\"flash-msg ok\">Your reaction is taken back.</p>");
    }

    @Test
    void theLiveReloadOfTheCommentsAlsoUpdatesTheCommentCount() {
        String html = as("bob").get("/posts/p1/comments/list").then().statusCode(200).extract().asString();

        assertThat(html).contains("Second", COUNT_OOB);
    }

    @Test
    void deletingACommentAnswersTheCountLeft() {
        String html = withToken("alice").delete("/posts/p1/comments/c9").then().statusCode(200).extract().asString();

        assertThat(html).contains(COUNT_OOB, "The comment is deleted.");
    }

    @Test
    void publishingACommentAnswersTheThreadWithItsNewCount() {
        String html = withToken("bob").formParam("content", "Third").post("/posts/p1/comments")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Your comment is published.", COUNT_OOB);
        assertThat(html.split("id=\"comment-count-p1\"", -1)).as("one count").hasSize(2);
    }

    private static RequestSpecification withToken(String login) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(login).get("/posts/p1").asString());
        assertThat(token.find()).isTrue();
        return as(login).header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true").header("X-CSRF-Token", token.group(1));
    }

    private static RequestSpecification as(String login) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .redirects().follow(false);
    }
}
