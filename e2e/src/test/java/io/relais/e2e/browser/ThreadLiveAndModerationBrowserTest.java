package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open thread as its readers and moderators use it (issue 14): comments arrive live for everyone who has the
 * thread open, not only for the people notified; a community's moderator is offered Delete on a member's comment
 * (feed-service's {@code can}) and the delete works, while a plain member is offered none and is refused by the API.
 */
class ThreadLiveAndModerationBrowserTest {

    @Test
    void bobHasAlicesThreadOpenAndSeesCarolsCommentArriveWithoutReloadingThoughHeWasNotNotified() {
        String marker = "live-" + UUID.randomUUID().toString().substring(0, 8);
        String post = CommentThreadBrowserTest.postAs("alice", "Open question " + marker);
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.go("/posts/" + post);
            bob.until(d -> "true".equals(d.findElement(By.cssSelector("[data-live-thread]")).getAttribute("data-live-ready")));
            bob.markDocument();

            given().auth().oauth2(Api.token("carol")).contentType(ContentType.JSON).body(Map.of("content", "Carol says " + marker))
                    .post(Api.FEED + "/api/posts/" + post + "/comments").then().statusCode(201);

            bob.until(d -> d.findElement(By.cssSelector("ol.comments")).getText().contains("Carol says " + marker));
            assertThat(bob.stillSameDocument()).as("Bob's page was not reloaded").isTrue();
        }
        assertThat(notifiedPosts("bob")).as("bob was not notified of carol's comment").doesNotContain("urn:relais:post:" + post);
    }

    @Test
    void aMemberIsNotOfferedDeleteOnAnothersCommentUntilMadeModeratorThenDeletesIt() {
        String slug = Communities.freshSlug("modweb");
        Api.createCommunity("bob", slug, "Moderated " + slug, "public");
        Communities.join("alice", slug);
        Communities.join("carol", slug);
        String marker = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        String iri = given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON)
                .body(Map.of("content", "Rules of " + marker, "audience", Map.of("community", slug)))
                .post(Api.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        String post = iri.substring(iri.lastIndexOf(':') + 1);
        String commentIri = given().auth().oauth2(Api.token("carol")).contentType(ContentType.JSON)
                .body(Map.of("content", "Off topic " + marker)).post(Api.FEED + "/api/posts/" + post + "/comments")
                .then().statusCode(201).extract().path("id");
        String commentId = commentIri.substring(commentIri.lastIndexOf(':') + 1);
        String comment = "comment-" + commentId;

        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/posts/" + post);
            alice.await(By.id(comment));
            assertThat(alice.findAll(By.cssSelector("#" + comment + " button.danger"))).as("a plain member is offered no Delete").isEmpty();
            given().auth().oauth2(Api.token("alice")).delete(Api.FEED + "/api/posts/" + post + "/comments/" + commentId)
                    .then().statusCode(403);

            // the owner makes alice a moderator of the community: the same page now offers Delete, and it works
            given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).body(Map.of("role", "moderator"))
                    .put(Api.FEED + "/api/communities/" + slug + "/members/alice/role").then().statusCode(204);
            alice.go("/posts/" + post);
            alice.find(By.cssSelector("#" + comment + " button.danger")).click();
            alice.until(ExpectedConditions.alertIsPresent()).accept();
            alice.until(d -> d.findElements(By.id(comment)).isEmpty());
            alice.go("/posts/" + post);
            assertThat(alice.find(By.cssSelector("ol.comments")).getText()).doesNotContain("Off topic " + marker);
        }
    }

    /** The posts the person's latest notifications are about. */
    private static java.util.List<String> notifiedPosts(String login) {
        return given().auth().oauth2(Api.token(login)).get(Api.FEED + "/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.post", String.class);
    }
}
