package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications say who, what and where (issue 14): the actor's name, an excerpt of the comment, the community by
 * its name — carried by feed-service's notification answer itself; a thread muted from its notification is listed in
 * the settings and can be unmuted there.
 */
class NotificationsBrowserTest {

    @Test
    void aliceSeesWhoCommentedWhatAndInWhichCommunityThenMutesAndUnmutesTheThread() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String slug = "notif-" + marker;
        Api.createCommunity("alice", slug, "Guild " + marker, "private");
        given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).post(Api.FEED + "/api/communities/" + slug + "/join").then().statusCode(200);
        String post = CommentThreadBrowserTest.postAs("alice", "Roadmap " + marker);
        given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).body(Map.of("content", "Looks **good** " + marker))
                .post(Api.FEED + "/api/posts/" + post + "/comments").then().statusCode(201);

        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/notifications");
                return !d.findElements(By.xpath("//li[@data-kind='reply'][contains(., '" + marker + "')]")).isEmpty()
                        && !d.findElements(By.xpath("//li[@data-kind='join-request'][contains(., '" + marker + "')]")).isEmpty();
            });
            WebElement reply = alice.find(By.xpath("//li[@data-kind='reply'][contains(., '" + marker + "')]"));
            assertThat(reply.findElement(By.cssSelector("strong")).getText()).startsWith("Bob");
            assertThat(reply.findElement(By.cssSelector(".excerpt")).getText()).isEqualTo("“Looks good " + marker + "”");

            // the context comes with feed-service's notification itself (the web fetches no post per notification)
            var items = given().auth().oauth2(Api.token("alice")).get(Api.FEED + "/api/notifications").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(items.getList("items.findAll { it.kind == 'reply' && it.post == 'urn:relais:post:" + post + "' }.excerpt", String.class))
                    .containsExactly("Looks good " + marker);
            assertThat(items.getList("items.findAll { it.kind == 'join-request' && it.community == 'urn:relais:community:" + slug + "' }.communityName",
                    String.class)).containsExactly("Guild " + marker);

            WebElement request = alice.find(By.xpath("//li[@data-kind='join-request'][contains(., '" + marker + "')]"));
            assertThat(request.findElement(By.cssSelector("a[href='/communities/" + slug + "']")).getText()).isEqualTo("Guild " + marker);

            reply.findElement(By.xpath(".//button[contains(., 'Mute this thread')]")).click();
            alice.until(d -> d.findElement(By.id("flash")).getText().contains("Muted"));

            alice.go("/notifications/settings");
            WebElement muted = alice.await(By.id("mute-thread-" + post));
            assertThat(muted.getText()).contains("Roadmap " + marker);
            muted.findElement(By.cssSelector("button[type=submit]")).click();
            alice.until(d -> d.getCurrentUrl().endsWith("/notifications/settings?done=unmuted"));
            assertThat(alice.find(By.cssSelector(".flash-msg.ok")).getText()).isEqualTo("You will be notified again.");
            assertThat(alice.findAll(By.id("mute-thread-" + post))).isEmpty();
        }
    }

    /**
     * Bob mentions Alice in a private community she then leaves: the notification stays in her list (she was told),
     * but says it is no longer available and neither links to the post (its page would answer 404) nor offers to mute
     * its thread: feed-service's {@code available: false}, read by the web app. Each remaining control is named after
     * its notification.
     */
    @Test
    void aMentionInACommunityAliceLeftSaysItIsNoLongerAvailableAndLinksNowhere() {
        String marker = "gone" + UUID.randomUUID().toString().substring(0, 8);
        String slug = "left-" + marker;
        Api.createCommunity("bob", slug, "Left " + marker, "private");
        given().auth().oauth2(Api.token("bob")).contentType(ContentType.JSON).body(Map.of("logins", java.util.List.of("alice")))
                .post(Api.FEED + "/api/communities/" + slug + "/members").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        String post = Api.post("bob", "Ask @alice about " + marker, slug);
        String mention = "//li[@data-kind='mention'][contains(., '" + marker + "')]";

        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/notifications");
                return !d.findElements(By.xpath(mention)).isEmpty();
            });
            WebElement item = alice.find(By.xpath(mention));
            String open = item.findElement(By.cssSelector("a[href='/posts/" + post.substring(post.lastIndexOf(':') + 1) + "']"))
                    .getAttribute("aria-labelledby");
            assertThat(open).contains("-what", "-at");

            given().auth().oauth2(Api.token("alice")).contentType(ContentType.JSON)
                    .post(Api.FEED + "/api/communities/" + slug + "/leave").then().statusCode(org.hamcrest.Matchers.lessThan(300));

            alice.until(d -> {
                alice.go("/notifications");
                return d.findElement(By.xpath(mention)).getText().contains("No longer available");
            });
            item = alice.find(By.xpath(mention));
            assertThat(item.findElements(By.cssSelector("a[href^='/posts/']"))).isEmpty();
            assertThat(item.findElements(By.cssSelector("input[name=kind][value=thread]"))).isEmpty();
        }
    }
}
