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

/**
 * An archived community is read-only: feed-service refuses a comment, a reply, an edit or a reaction there (409), and
 * says so in the thread's {@code can} flags and in a feed card's {@code community.archived}. The page offers none of
 * those controls then, and keeps what stays possible (Delete) and what is read (the reaction counts).
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class ReadOnlyThreadTest {

    /** Alice's post and comment in the guild, as feed-service answers her; {@code %s}: whether the thread is writable. */
    static final String THREAD = """
            {"post":{"id":"urn:relais:post:p1","kind":"post","content":"<p>Compte rendu</p>","author":{"login":"alice","displayName":"Alice"},
                     "community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild","archived":%2$s},
                     "reactions":{"like":2},"commentCount":1,
                     "can":{"edit":%1$s,"delete":true,"moderate":false,"comment":%1$s,"react":%1$s}},
             "comments":[
              {"id":"urn:relais:comment:c1","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
               "author":{"login":"alice"},"content":"<p>Précision</p>","source":"Précision","created":"2026-11-20T09:15:00Z",
               "reactions":{"celebrate":1},
               "can":{"edit":%1$s,"delete":true,"moderate":false,"comment":%1$s,"react":%1$s}}],"next":null}""";

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void anArchivedCommunitysThreadOffersNoCommentReplyEditNorReactionButKeepsDeleteAndTheCounts() {
        SERVICES.on("GET /api/posts/p1", 200, THREAD.formatted("false", "true"));

        String html = as("alice").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).doesNotContain("class=\"comment-form\"", "hx-post=\"/posts/p1/react\"", "hx-post=\"/posts/p1/comments/c1/react\"",
                        "name=\"inReplyTo\"", "id=\"edit-comment-c1\"", "hx-get=\"/posts/p1/edit\"")
                .contains("hx-delete=\"/posts/p1\"", "hx-delete=\"/posts/p1/comments/c1\"",
                        "<span class=\"count\">2</span>", "<span class=\"count\">1</span>", "id=\"archived-thread-p1\"",
                        "This community is archived: its threads take no new comment or reaction.");
    }

    @Test
    void anOpenThreadOffersThemAsTheServiceSays() {
        SERVICES.on("GET /api/posts/p1", 200, THREAD.formatted("true", "false"));

        String html = as("alice").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).contains("class=\"comment-form\"", "hx-post=\"/posts/p1/react\"", "hx-post=\"/posts/p1/comments/c1/react\"",
                "name=\"inReplyTo\"", "id=\"edit-comment-c1\"", "hx-get=\"/posts/p1/edit\"").doesNotContain("archived-thread-p1");
    }

    /** Feed pages carry no {@code can}: a card says its community is archived, and its author is offered Delete only. */
    @Test
    void anArchivedCommunitysFeedCardOffersItsAuthorNoEditNorReaction() {
        SERVICES.on("GET /api/communities/guild", 200, """
                        {"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild","visibility":"public",
                         "archived":true,"memberCount":2,"myRole":"member","myStatus":"member","pins":[]}""")
                .on("GET /api/communities/guild/members", 200, "{\"community\":\"urn:relais:community:guild\",\"count\":0,\"members\":[]}")
                .on("GET /api/follows/mine", 200, "{\"persons\":[],\"communities\":[],\"hashtags\":[]}")
                .on("GET /api/feed/communities/guild", 200, """
                        {"items":[{"post":{"id":"urn:relais:post:p-1","kind":"post","author":{"login":"alice","displayName":"Alice"},
                         "created":"2026-11-30T10:00:00Z","content":"<p>Kick-off notes</p>","reactions":{"like":4},"pinned":false,
                         "community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild","archived":true}}}]}""");

        String html = as("alice").get("/communities/guild").then().statusCode(200).extract().asString();

        assertThat(html).contains("Kick-off notes", "hx-delete=\"/posts/p-1\"", "<span class=\"count\">4</span>")
                .doesNotContain("hx-get=\"/posts/p-1/edit\"", "hx-post=\"/posts/p-1/react\"");
    }

    private static RequestSpecification as(String login) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .redirects().follow(false);
    }
}
