package io.relais.web.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever feed-service refuses of a post, a comment or an edit (413 too large, a 4xx problem+json) is said next to the
 * form that sent it, which keeps the typed text (htmx puts the sentence into the form's error slot instead of swapping
 * the form); before, anything but a 400 went to the page's status line, and the edit of a post had no error slot.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class RefusedWritingTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void aPostFeedServiceFindsTooLargeIsSaidNextToTheComposer() {
        SERVICES.on("POST /api/posts", 413, """
                {"type":"about:blank","title":"Request Entity Too Large","status":413,"detail":"request body too large"}""");

        Response r = publish("en", Map.of("content", "é€".repeat(2000), "audience", "organisation"), "/posts");

        assertThat(r.header("HX-Retarget")).isEqualTo("#composer-error");
        assertThat(r.asString()).contains("This is too large to send: shorten the text or attach smaller files.");
    }

    @Test
    void aFrenchReaderIsToldInFrenchThatThePostIsTooLarge() {
        SERVICES.on("POST /api/posts", 413, "");

        Response r = publish("fr", Map.of("content", "Bonjour", "audience", "organisation"), "/posts");

        assertThat(r.header("HX-Retarget")).isEqualTo("#composer-error");
        assertThat(r.asString()).contains("trop volumineux pour être envoyé : raccourcissez le texte");
    }

    @Test
    void anotherRefusalOfACommentSaysTheProblemsDetailNextToTheCommentBox() {
        SERVICES.on("POST /api/posts/p1/comments", 422, """
                {"type":"about:blank","title":"Unprocessable","status":422,"detail":"comments on this post are closed"}""");

        Response r = publish("en", Map.of("content", "Me too"), "/posts/p1/comments");

        assertThat(r.header("HX-Retarget")).isEqualTo("#comment-on-p1-error");
        assertThat(r.asString()).contains("comments on this post are closed");
    }

    /** A one-field problem's detail already names the field and the rule: the page says it once. */
    @Test
    void aOneFieldProblemIsSaidOnceNotTwice() {
        SERVICES.on("GET /api/feed/home", 400, """
                {"type":"validation","status":400,"detail":"cursor is not a cursor returned by this feed",
                 "errors":[{"field":"cursor","message":"is not a cursor returned by this feed"}]}""");

        String page = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get("/feed/items?cursor=zz").then().statusCode(400).extract().asString();

        assertThat(page).contains("cursor is not a cursor returned by this feed").doesNotContain("cursor: is not");
    }

    @Test
    void aRefusedEditOfAPostIsSaidNextToTheEditForm() {
        SERVICES.on("PUT /api/posts/p1", 400, """
                {"type":"validation","status":400,"detail":"content must be at most 10000 characters",
                 "errors":[{"field":"content","message":"must be at most 10000 characters"}]}""");

        Response r = publish("en", Map.of("content", "x".repeat(20)), "/posts/p1");

        assertThat(r.header("HX-Retarget")).isEqualTo("#edit-p1-error");
        assertThat(r.asString()).contains("Your text is too long: at most 10000 characters.");
    }

    @Test
    void theEditFormHasAnErrorSlotItsTextIsDescribedBy() {
        SERVICES.on("GET /api/posts/p1", 200, """
                {"post":{"id":"urn:relais:post:p1","content":"<p>Hello</p>","source":"Hello","author":{"login":"alice"}}}""");

        String html = as("en").get("/posts/p1/edit").then().statusCode(200).extract().asString();

        assertThat(html).contains("aria-describedby=\"edit-p1-error\"", "<p id=\"edit-p1-error\" class=\"field-error\"");
    }

    @Test
    void aPostTheServerRefusesAsTooLargeBeforeAnyPageCodeIsAPageInTheReadersLanguageNotAnEmptyAnswer() {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as("fr").get("/").asString());
        assertThat(m.find()).isTrue();

        // a form field over quarkus.http.limits.max-form-attribute-size (64 KB): refused by the server itself
        Response r = as("fr").header("Sec-Fetch-Site", "same-origin").multiPart("content", "x".repeat(3 * 1024 * 1024))
                .multiPart("audience", "organisation").multiPart("_csrf", m.group(1)).post("/posts");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("trop volumineux pour être envoyé", "<html lang=\"fr\">");
        assertThat(SERVICES.lines()).as("nothing reached feed-service").doesNotContain("POST /api/posts");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }

    /** An htmx form post from the page, carrying the session's token as the page's own form does. */
    private static Response publish(String language, Map<String, String> form, String path) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language).get("/").asString());
        assertThat(m.find()).as("a form token on the home page").isTrue();
        return as(language).header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true").formParams(form)
                .formParam("_csrf", m.group(1)).post(path);
    }
}
