package io.relais.feed.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 13 through HTTP: Markdown, the author's source, canonical hashtags, tokens never from URLs or code. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RichTextTest {

    @Test
    void markdownIsRenderedAndTheSourceComesBackExactlyAsTypedAfterAnEdit() {
        String alice = person("alice");
        String typed = "**Bravo** l'équipe 🎉\n\n- `x = y * 2`\n- voir https://relais.dev/doc";
        String id = as(alice).body(Map.of("content", typed)).post("/api/posts").then().statusCode(201)
                .body("source", equalTo(typed)).body("content", containsString("<strong>Bravo</strong>"))
                .body("content", containsString("<code>x &#61; y * 2</code>"))
                .body("content", containsString("href=\"https://relais.dev/doc\"")).extract().path("id");
        String edited = "Corrigé : _vraiment_ bravo 🎉 `a*b`";
        as(alice).body(Map.of("content", edited)).put("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("source", equalTo(edited)).body("content", containsString("<em>vraiment</em>"));
        as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200).body("post.source", equalTo(edited));
        String comment = "Merci **beaucoup** !";
        as(alice).body(Map.of("content", comment)).post("/api/posts/{id}/comments", local(id)).then().statusCode(201)
                .body("source", equalTo(comment)).body("content", containsString("<strong>beaucoup</strong>"));
    }

    /**
     * A Markdown link to {@code javascript:}, {@code vbscript:} or {@code data:} had been stored as {@code <a href="">},
     * a link that reloads the page; written, or edited in, a post or a comment, it is now its text only, and a safe
     * link next to it stays a link.
     */
    @Test
    void aLinkToARefusedSchemeIsStoredAsItsTextInPostsCommentsAndTheirEdits() {
        String alice = person("alice");
        String safe = "[doc](https://relais.dev/doc)";
        String id = as(alice).body(Map.of("content", "Voir [clickme](javascript:alert(3)) " + safe)).post("/api/posts")
                .then().statusCode(201).extract().path("id");
        String post = as(alice).body(Map.of("content", "Voir [clickme](vbscript:msgbox(3)) " + safe))
                .put("/api/posts/{id}", local(id)).then().statusCode(200).extract().path("content");
        String commentId = as(alice).body(Map.of("content", "Voir [clickme](data:text/html;base64,PHNjcmlwdD4=) " + safe))
                .post("/api/posts/{id}/comments", local(id)).then().statusCode(201).extract().path("id");
        String comment = as(alice).body(Map.of("content", "Voir [clickme](JavaScript:alert(3)) " + safe))
                .put("/api/posts/{id}/comments/{c}", local(id), local(commentId)).then().statusCode(200).extract().path("content");
        String stored = as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200).extract().path("post.content");
        String created = as(alice).body(Map.of("content", "[clickme](javascript:alert(3))")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("content");

        for (String html : java.util.List.of(post, comment, stored)) {
            assertThat(html).isEqualTo("<p>Voir clickme <a href=\"https://relais.dev/doc\" rel=\"nofollow noopener noreferrer\">doc</a></p>");
        }
        assertThat(created).isEqualTo("<p>clickme</p>");
    }

    @Test
    void aUrlAndCodeHoldNoHashtagNorMention() {
        String alice = person("alice");
        String bob = person("bob");
        as(alice).body(Map.of("content", "Voir https://wiki.example/Acme_Inc.#Decision et `@" + bob + " #nope`"))
                .post("/api/posts").then().statusCode(201).body("hashtags", empty()).body("mentions", empty());
    }

    @Test
    void aDecomposedAccentIsTheSameHashtagInPostsFeedsAndFollows() {
        String alice = person("alice");
        String tag = "caf" + Long.toString(System.nanoTime() % 100_000, 36).replaceAll("[0-9]", "x") + "e";
        String decomposed = tag + "\u0301";
        String composed = tag.substring(0, tag.length() - 1) + "é";
        String id = as(alice).body(Map.of("content", "Pause #" + decomposed)).post("/api/posts").then().statusCode(201)
                .body("hashtags", contains(Iri.hashtag(composed))).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> as(alice).get("/api/feed/hashtags/{tag}", decomposed).then()
                .statusCode(200).body("items.post.id", hasItem(id)));
        as(alice).get("/api/feed/hashtags/{tag}", composed.toUpperCase(java.util.Locale.ROOT)).then().statusCode(200)
                .body("items.post.id", hasItem(id));
        as(alice).put("/api/follows/hashtag/{id}", decomposed).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        as(alice).get("/api/follows/mine").then().statusCode(200).body("hashtags", hasItem(Iri.hashtag(composed)));
    }

    @Test
    void aTooLongHashtagIsRefusedNotCut() {
        as(person("alice")).body(Map.of("content", "Trop long #" + "a".repeat(51))).post("/api/posts").then()
                .statusCode(400).body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("longer than 50"));
        as(person("alice")).get("/api/feed/hashtags/{tag}", "a".repeat(51)).then().statusCode(400)
                .body("errors[0].field", equalTo("tag"));
    }
}
