package io.relais.web.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A post's own page and its edit form: titled after the post, and the form only for who may edit it. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class PostPageTest {

    static final String BOBS_POST = """
            {"post":{"id":"urn:relais:post:p1","content":"<p>Tom &amp; Jerry &lt;script&gt; say hi to everyone in the atlas project this morning, before the review</p>",
             "source":"Tom & Jerry <script> say hi","author":{"login":"bob","displayName":"Bob <b>Martin</b>"},
             "can":{"edit":%s,"delete":false,"moderate":false}}}""";

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void someoneElsesPostIsNotOfferedForEditingItsTextIsNotShown() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "en").get("/posts/p1/edit").then().statusCode(403).extract().asString();

        assertThat(html).contains("You are not allowed to do this.").doesNotContain("<textarea", "say hi");
    }

    @Test
    void aPostTheServiceSaysIMayEditOpensItsEditForm() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("true"));

        String html = as("carol", "en").get("/posts/p1/edit").then().statusCode(200).extract().asString();

        assertThat(html).contains("<textarea", "Tom &amp; Jerry &lt;script&gt; say hi");
    }

    @Test
    void thePostPageIsTitledWithItsAuthorAndItsFirstWordsAsText() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "en").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).contains("<title>Post by Bob &lt;b&gt;Martin&lt;/b&gt;: Tom &amp; Jerry &lt;script&gt; say hi to everyone in the atlas… · Relais</title>");
    }

    @Test
    void aFrenchReaderGetsTheTitleInFrench() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "fr").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).contains("<title>Publication de Bob &lt;b&gt;Martin&lt;/b&gt; : Tom &amp; Jerry");
    }

    /**
     * A business card's page is titled with what the card shows, in the reader's language: it took feed-service's
     * {@code content} for cards (the French summary, the owner by login), so an English reader's tab read "Post by Alice
     * Dubois: Nouveau document publié par alice :…" while the page said "Q3 budget" and "…by Alice Dubois".
     */
    @Test
    void aBusinessCardsPageIsTitledWithTheTextTheCardShowsInTheReadersLanguage() {
        SERVICES.on("GET /api/posts/" + CARD, 200, "{\"post\":" + DOCUMENT_CARD.formatted(CARD, """
                "title":{"fr":"Budget T3 <b>R&D</b>","en":"Q3 budget <b>R&D</b>"},""") + ",\"comments\":[]}");

        String en = as("bob", "en").get("/posts/" + CARD).then().statusCode(200).extract().asString();
        String fr = as("bob", "fr").get("/posts/" + CARD).then().statusCode(200).extract().asString();

        assertThat(en).contains("<title>Post by Alice Dubois: Q3 budget &lt;b&gt;R&amp;D&lt;/b&gt; · Relais</title>",
                "<h3 class=\"card-title\">Q3 budget &lt;b&gt;R&amp;D&lt;/b&gt;</h3>");
        assertThat(fr).contains("<title>Publication de Alice Dubois : Budget T3 &lt;b&gt;R&amp;D&lt;/b&gt; · Relais</title>");
    }

    /** A card without a title of its own is titled with the summary the page composes for the reader. */
    @Test
    void aCardWithoutATitleIsTitledWithItsComposedSummary() {
        SERVICES.on("GET /api/posts/" + CARD, 200, "{\"post\":" + DOCUMENT_CARD.formatted(CARD, "") + ",\"comments\":[]}");

        String en = as("bob", "en").get("/posts/" + CARD).then().statusCode(200).extract().asString();

        assertThat(en).contains("<title>Post by Alice Dubois: New document published by Alice Dubois: Budget for the… · Relais</title>",
                "<p class=\"card-summary\">New document published by Alice Dubois: Budget for the third quarter</p>");
    }

    static final String CARD = "urn:relais:document:ecm.sharepoint:QA3-1";

    /** An ECM "document published" card as feed-service answers it: {@code content} is the French summary. */
    static final String DOCUMENT_CARD = """
            {"id":"%s","kind":"card","content":"<p>Nouveau document publié par alice : Budget for the third quarter</p>",
             "author":{"login":"alice","displayName":"Alice Dubois"},
             "card":{"source":"ecm","system":"sharepoint","systemName":"SharePoint","eventType":"document.published",%s
                     "summary":{"fr":"Nouveau document publié par alice : Budget for the third quarter"},
                     "data":{"owner":"alice","documentId":"QA3-1","summary":"Budget for the third quarter"}},
             "reactions":{},"commentCount":0,"created":"2026-11-20T09:00:00Z"}""";

    private static RequestSpecification as(String login, String language) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
