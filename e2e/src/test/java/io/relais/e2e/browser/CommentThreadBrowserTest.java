package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments as people use them (issue 14): written in Markdown with @autocomplete, edited from their source,
 * reacted to, deleted after a confirmation, arriving live on the post author's open page, and threads longer
 * than one page of 50.
 */
class CommentThreadBrowserTest {

    @Test
    void bobCommentsWithAMentionEditsReactsAndDeletesWhileAliceSeesItArriveLive() {
        String marker = "thread-" + UUID.randomUUID().toString().substring(0, 8);
        String post = postAs("alice", "Plan for " + marker);
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/posts/" + post);
            alice.awaitLive();
            alice.markDocument();
            bob.loginAs("bob");
            bob.go("/posts/" + post);

            // @autocomplete in the comment box, as in the composer
            WebElement box = bob.find(By.id("comment-on-" + post));
            box.sendKeys("**Agreed** @ali");
            bob.await(By.cssSelector("#comment-on-" + post + "-suggestions [role=option]"));
            box.sendKeys(Keys.ENTER);
            bob.until(d -> box.getAttribute("value").contains("@alice "));
            box.sendKeys(marker);
            box.sendKeys(Keys.ENTER);

            WebElement comment = bob.await(By.xpath("//li[contains(@class,'comment')][contains(., '" + marker + "')]"));
            assertThat(comment.findElement(By.cssSelector(".content strong")).getText()).isEqualTo("Agreed");
            assertThat(comment.findElement(By.cssSelector(".content a.mention")).getAttribute("href")).endsWith("/people/alice");
            String id = comment.getAttribute("id");

            // alice, the post's author, sees it arrive on her open page without reloading
            alice.until(d -> d.findElement(By.cssSelector("ol.comments")).getText().contains(marker));
            assertThat(alice.stillSameDocument()).as("Alice's page was not reloaded").isTrue();

            // edit: the box shows the Markdown source, the saved comment its rendering
            bob.find(By.cssSelector("#" + id + " .edit-box summary")).click();
            WebElement source = bob.find(By.cssSelector("#" + id + " .edit-box textarea"));
            assertThat(source.getAttribute("value")).startsWith("**Agreed** @alice ");
            source.clear();
            source.sendKeys("_Reworded_ " + marker);
            bob.find(By.cssSelector("#" + id + " .edit-box button[type=submit]")).click();
            // read within the wait: the live stream's copy of the edit may swap the fragment after htmx's answer did
            bob.until(d -> !d.findElements(By.cssSelector("#" + id + " .content em")).isEmpty()
                    && d.findElement(By.cssSelector("#" + id + " .content")).getText().equals("Reworded " + marker));

            // react, with the same reactions as posts; again takes it back
            bob.find(By.cssSelector("#" + id + " .reactions button[value=insightful]")).click();
            bob.until(d -> "true".equals(d.findElement(By.cssSelector("#" + id + " .reactions button[value=insightful]")).getAttribute("aria-pressed"))
                    && "1".equals(d.findElement(By.cssSelector("#" + id + " .reactions button[value=insightful] .count")).getText()));
            bob.find(By.cssSelector("#" + id + " .reactions button[value=insightful]")).click();
            bob.until(d -> "false".equals(d.findElement(By.cssSelector("#" + id + " .reactions button[value=insightful]")).getAttribute("aria-pressed")));

            // delete after confirming; gone after a reload too
            bob.find(By.cssSelector("#" + id + " button.danger")).click();
            bob.until(ExpectedConditions.alertIsPresent()).accept();
            bob.until(d -> d.findElements(By.id(id)).isEmpty());
            bob.go("/posts/" + post);
            assertThat(bob.find(By.cssSelector("ol.comments")).getText()).doesNotContain(marker);
        }
    }

    @Test
    void aThreadOfMoreThanFiftyCommentsShowsTheRestOnDemand() {
        String marker = "long-" + UUID.randomUUID().toString().substring(0, 8);
        String post = postAs("carol", "Long thread " + marker);
        String aliceToken = Api.token("alice");
        String carolToken = Api.token("carol");
        for (int i = 1; i <= 51; i++) {
            given().auth().oauth2(i % 2 == 0 ? aliceToken : carolToken).contentType(ContentType.JSON)
                    .body(Map.of("content", "Comment number " + i + " " + marker))
                    .post(Api.FEED + "/api/posts/" + post + "/comments").then().statusCode(201);
        }
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.go("/posts/" + post);
            assertThat(bob.findAll(By.cssSelector("ol.comments > li.comment"))).hasSize(50);
            assertThat(bob.find(By.cssSelector("ol.comments")).getText()).doesNotContain("Comment number 51 ");

            bob.find(By.cssSelector("li.more-comments button")).click();
            bob.until(d -> d.findElements(By.cssSelector("ol.comments > li.comment")).size() == 51);
            assertThat(bob.find(By.cssSelector("ol.comments > li.comment:last-of-type")).getText()).contains("Comment number 51 " + marker);
            assertThat(bob.findAll(By.cssSelector("li.more-comments"))).isEmpty();
        }
    }

    /**
     * A comment's Reply, Edit and Delete sit on one line, their words on one baseline and of one size, on a desktop and
     * on a phone: Delete, a button of the page's own size and padding, sat lower than Reply and Edit beside it.
     */
    @Test
    void aCommentsReplyEditAndDeleteLineUp() {
        String marker = "aligned-" + UUID.randomUUID().toString().substring(0, 8);
        String post = postAs("alice", "Lining up " + marker);
        String comment = Api.comment("bob", "urn:relais:post:" + post, "My own comment " + marker);
        String cid = "comment-" + comment.substring(comment.lastIndexOf(':') + 1);
        for (int[] size : new int[][]{{1280, 800}, {390, 844}}) {
            try (Browser bob = Browser.open("en-GB", size[0], size[1])) {
                bob.loginAs("bob");
                bob.go("/posts/" + post);
                bob.await(By.cssSelector("#" + cid + " button.danger"));

                Map<?, ?> line = settledBoxes(bob, "#" + cid + " .reply-box summary", "#" + cid + " .edit-box summary",
                        "#" + cid + " .comment-actions button.danger");
                Map<?, ?> reply = (Map<?, ?>) line.get("0");
                Map<?, ?> edit = (Map<?, ?>) line.get("1");
                Map<?, ?> delete = (Map<?, ?>) line.get("2");
                for (String edge : new String[]{"top", "textTop", "textBottom"}) {
                    String at = size[0] + " px wide, " + edge + " of ";
                    assertThat(num(edit.get(edge))).as(at + "Edit, beside Reply at %s", reply.get(edge))
                            .isCloseTo(num(reply.get(edge)), org.assertj.core.data.Offset.offset(1.0));
                    assertThat(num(delete.get(edge))).as(at + "Delete, beside Reply at %s", reply.get(edge))
                            .isCloseTo(num(reply.get(edge)), org.assertj.core.data.Offset.offset(1.0));
                }
            }
        }
    }

    /**
     * Each element's box top and the top and bottom of its words (what a reader sees line up), in px from the top of
     * the viewport, keyed "0", "1", ... in the order given: all read in one layout, and only once two reads a poll
     * (half a second) apart agree, so a page still settling (fonts, the thread's scripts) is not measured halfway.
     */
    private static Map<?, ?> settledBoxes(Browser b, String... css) {
        String read = "var out = {}; for (var i = 0; i < arguments.length; i++) {"
                + " var e = document.querySelector(arguments[i]); var r = e.getBoundingClientRect();"
                + " var words = document.createRange(); words.selectNodeContents(e); var t = words.getBoundingClientRect();"
                + " out[String(i)] = {top: r.top, textTop: t.top, textBottom: t.bottom}; } return out;";
        Object[] last = {null};
        return b.until(d -> {
            Object now = b.js(read, (Object[]) css);
            if (now.equals(last[0])) {
                return (Map<?, ?>) now;
            }
            last[0] = now;
            return null;
        });
    }

    private static double num(Object n) {
        return ((Number) n).doubleValue();
    }

    /** Publishes a post through feed-service as that person; its local id. */
    static String postAs(String login, String text) {
        String iri = given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON).body(Map.of("content", text))
                .post(Api.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        return iri.substring(iri.lastIndexOf(':') + 1);
    }
}
