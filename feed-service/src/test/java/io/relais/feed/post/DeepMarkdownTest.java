package io.relais.feed.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Markdown nested deeper than {@link TextPipeline#MAX_NESTING} levels is a 400 naming {@code content} and the rule at
 * every entry point that renders what someone wrote (post, comment, their edits, an announcement), checked on the
 * parsed tree before anything recurses through it: it used to be a 500 (a StackOverflowError in CommonMark's renderer).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class DeepMarkdownTest {

    /** 0: 3,000 nested ordered lists; 1: 9,000 nested quotes (the tester's bodies); 2: one level past the limit. */
    private static String body(int which) {
        return switch (which) {
            case 0 -> "1. ".repeat(3000) + "a";
            case 1 -> ">".repeat(9000) + "a";
            default -> ">".repeat(TextPipeline.MAX_NESTING) + "a"; // 32 quotes, a paragraph and its text: 34 levels
        };
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("deeper than " + TextPipeline.MAX_NESTING + " levels"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aPostACommentAnEditAndAnAnnouncementNestedTooDeepAre400NamingContent(int which) {
        String alice = person("alice");
        String deep = body(which);
        refused(as(alice).body(Map.of("content", deep)).post("/api/posts").then());
        String id = post(alice, null, "Bonjour");
        refused(as(alice).body(Map.of("content", deep)).put("/api/posts/{id}", local(id)).then());
        refused(as(alice).body(Map.of("content", deep)).post("/api/posts/{id}/comments", local(id)).then());
        String comment = as(alice).body(Map.of("content", "Merci")).post("/api/posts/{id}/comments", local(id)).then()
                .statusCode(201).extract().path("id");
        refused(as(alice).body(Map.of("content", deep)).put("/api/posts/{p}/comments/{c}", local(id), local(comment)).then());
        refused(as(person("manon"), "employee", "community-manager").body(Map.of("content", deep))
                .post("/api/announcements").then());
        // nothing was changed by the refused edits
        as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.content", equalTo("<p>Bonjour</p>")).body("comments[0].content", equalTo("<p>Merci</p>"));
    }

    @Test
    void listsNestedWithinTheLimitAreStillAPost() {
        // 15 lists and their items, a paragraph and its text: 32 levels
        String id = post(person("alice"), null, "1. ".repeat(15) + "a");
        as(person("bruno")).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.content", containsString("<ol>"));
    }
}
