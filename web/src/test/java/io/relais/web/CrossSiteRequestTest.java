package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery: a change must come from one of our pages (Sec-Fetch-Site or Origin) and carry the
 * session's synchronizer token (form field or htmx header); logout is POST-only.
 */
@QuarkusTest
class CrossSiteRequestTest {

    static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aPostFromAnotherSiteIsRefused() {
        Response r = as("alice").header("Sec-Fetch-Site", "cross-site").formParam("_csrf", tokenOf("alice"))
                .post("/logout");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("did not come from a Relais page");
    }

    @Test
    void aPostFromASiblingOriginOfTheSameSiteIsRefused() {
        // another port of localhost is the same *site* (SameSite cookies go along) but not the same origin
        Response r = as("alice").header("Origin", "http://localhost:8090").formParam("_csrf", tokenOf("alice"))
                .post("/logout");

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostThatSaysNothingAboutWhereItComesFromIsRefused() {
        assertThat(as("alice").formParam("_csrf", tokenOf("alice")).post("/logout").statusCode()).isEqualTo(403);
    }

    @Test
    void aSameOriginPostWithTheTokenIsAccepted() {
        Response r = sameOrigin("alice").formParam("_csrf", tokenOf("alice")).post("/logout");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/");
    }

    @Test
    void anOldBrowserSendingOnlyOurOriginIsAccepted() {
        Response r = as("alice").header("Origin", ownOrigin()).formParam("_csrf", tokenOf("alice")).post("/logout");

        assertThat(r.statusCode()).isEqualTo(303);
    }

    @Test
    void anHtmxRequestCarriesTheTokenAsAHeader() {
        Response r = sameOrigin("alice").header("HX-Request", "true").header("X-CSRF-Token", tokenOf("alice"))
                .post("/logout");

        assertThat(r.statusCode()).isEqualTo(303);
    }

    @Test
    void aSameOriginPostWithoutTheTokenIsRefused() {
        Response r = sameOrigin("alice").formParam("content", "hello").post("/posts");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("Reload it and try again");
    }

    @Test
    void anotherPersonsTokenDoesNotWork() {
        Response r = sameOrigin("alice").formParam("_csrf", tokenOf("bob")).post("/logout");

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostOrCommentAsLongAsFeedServiceAllowsGetsTheAnswerAShortOneGets() {
        // feed-service takes 10,000 characters in a post and 5,000 in a comment (up to 4 bytes each in UTF-8); the web
        // app must pass them on, not refuse them itself with a bare 413 (its form fields were capped at 2 KB)
        String post = "€".repeat(10_000);
        String comment = "é".repeat(5_000);
        String commentPath = "/posts/urn:relais:post:01a2344e-2a3f-7000-a262-1b642a558069/comments";

        Response longPost = sameOrigin("alice").multiPart("_csrf", tokenOf("alice")).multiPart("content", post).post("/posts");
        Response shortPost = sameOrigin("alice").multiPart("_csrf", tokenOf("alice")).multiPart("content", "hello").post("/posts");
        Response longComment = sameOrigin("alice").formParam("_csrf", tokenOf("alice")).formParam("content", comment).post(commentPath);
        Response shortComment = sameOrigin("alice").formParam("_csrf", tokenOf("alice")).formParam("content", "hi").post(commentPath);

        assertThat(longPost.statusCode()).isNotEqualTo(413).isEqualTo(shortPost.statusCode());
        assertThat(longComment.statusCode()).isNotEqualTo(413).isEqualTo(shortComment.statusCode());
    }

    @Test
    void aMultipartFormCarriesTheTokenAsAField() {
        // the composer with attachments: the token is read from the multipart form; feed-service is not running
        // in this test, so getting past the check shows as "service unavailable", not as a refusal
        Response r = sameOrigin("alice").multiPart("_csrf", tokenOf("alice")).multiPart("content", "hello")
                .post("/posts");

        assertThat(r.statusCode()).isNotEqualTo(403);
        assertThat(r.asString()).doesNotContain("Reload it and try again");
    }

    @Test
    void logoutByGetIsRefused() {
        Response r = given().redirects().follow(false).get("/logout");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST");
    }

    @Test
    void everyPageCarriesTheTokenForHtmxOnItsBody() {
        String page = as("alice").get("/dashboard").asString();

        assertThat(page).contains("hx-headers='{\"X-CSRF-Token\":\"" + tokenOf("alice") + "\"}'");
    }

    @Test
    void everyPostFormInEveryTemplateCarriesTheToken() throws IOException {
        Pattern form = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"\\{csrf}\">|<form\\b[^>]*method=\"post\"[^>]*>", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = form.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group()).as(file + ": " + m.group()).contains("name=\"_csrf\"");
                }
            }
        }
    }

    private static RequestSpecification as(String login) {
        return given().header(TestLogin.LOGIN, login).header(TestLogin.ROLES, "employee")
                .header("Accept-Language", "en").redirects().follow(false);
    }

    private static RequestSpecification sameOrigin(String login) {
        return as(login).header("Sec-Fetch-Site", "same-origin").header("Origin", ownOrigin());
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    /** The token as the page gives it to this person. */
    private static String tokenOf(String login) {
        Response got = as(login).get("/people/me/edit");
        String page = got.statusCode() + " " + got.headers() + "\n" + got.asString();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a token on the page of " + login + ":\n" + page).isTrue();
        return m.group(1);
    }
}
