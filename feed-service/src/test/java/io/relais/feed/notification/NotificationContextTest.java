package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.person;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notification carries its context, so a reader understands it without opening the post: an excerpt of the
 * comment or post (plain text, never markup, at most 140 characters cut on a word) and the community's name — and
 * only while the reader may still see them.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NotificationContextTest {

    static JsonPath notifications(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReplyCarriesThePlainTextOfTheCommentAndTheCommunitysName() {
        String owner = fresh("owner"), member = fresh("member");
        String slug = community(owner, "private", member);
        String root = post(owner, "Qui relit le plan ?", slug);
        as(member).body(Map.of("content", "Moi, **volontiers** & _vite_ !")).post("/api/posts/{id}/comments", Iri.localId(root))
                .then().statusCode(201);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(owner).getString("items[0].kind")).isEqualTo("reply"));
        JsonPath page = notifications(owner);
        assertThat(page.getString("items[0].excerpt")).isEqualTo("Moi, volontiers & vite !");
        assertThat(page.getString("items[0].communityName")).isEqualTo("Community " + slug);
    }

    @Test
    void aLongPostIsCutOnAWordWithinTheLimit() {
        String author = fresh("author"), colleague = person("colleague");
        String text = "@" + colleague + " " + "parlons du budget trimestriel ".repeat(10);
        post(author, text, null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(colleague).getString("items[0].kind")).isEqualTo("mention"));
        String excerpt = notifications(colleague).getString("items[0].excerpt");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(Excerpts.MAX).startsWith("@" + colleague + " parlons du budget").endsWith("…");
        assertThat(excerpt.substring(0, excerpt.length() - 1)).as("cut after a whole word").matches(".*(parlons|du|budget|trimestriel)");
    }

    @Test
    void whoMayNoLongerSeeTheThreadGetsNoContext() {
        String owner = fresh("owner"), member = person("member");
        String slug = community(owner, "private", member);
        post(owner, "Confidentiel : @" + member + " le chiffre est 42", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(member).getString("items[0].excerpt")).contains("42"));

        as(member).post("/api/communities/{slug}/leave", slug).then().statusCode(204);

        JsonPath page = notifications(member);
        assertThat(page.getString("items[0].kind")).isEqualTo("mention");
        assertThat(page.getString("items[0].excerpt")).isNull();
    }

    /**
     * A notification about a post the reader may no longer open (one in a private community they left) says so,
     * {@code available: false}, so no client offers a link to a page that would answer 404; one they may still open
     * says {@code available: true}.
     */
    @Test
    void aNotificationAboutWhatTheReaderCanNoLongerOpenSaysItIsNoLongerAvailable() {
        String owner = fresh("owner"), member = person("member");
        String slug = community(owner, "private", member);
        post(owner, "Confidentiel : @" + member + " le chiffre est 42", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(notifications(member).getString("items[0].available")).isEqualTo("true"));

        as(member).post("/api/communities/{slug}/leave", slug).then().statusCode(204);

        JsonPath page = notifications(member);
        assertThat(page.getString("items[0].kind")).isEqualTo("mention");
        assertThat(page.getString("items[0].available")).isEqualTo("false");
        as(member).get("/api/posts/{id}", Iri.localId(page.getString("items[0].post"))).then().statusCode(404);
    }
}
