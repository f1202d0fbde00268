package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following a colleague, a hashtag or a community shows as such on its page, and the same button undoes it; the web app
 * offers to follow only what feed-service lets one follow.
 */
class FollowBrowserTest {

    @Test
    void aliceFollowsCarolSeesItAndUnfollows() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/people/carol");
            if (!alice.findAll(By.id("follow-state")).isEmpty()) {
                alice.find(By.id("follow-button")).click(); // a previous run left alice following carol
                alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
            }

            alice.find(By.id("follow-button")).click();
            assertThat(alice.await(By.id("follow-state")).getText()).isEqualTo("Following ✓");
            assertThat(alice.find(By.id("follow-button")).getText()).isEqualTo("Unfollow");

            alice.find(By.id("follow-button")).click();
            alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
            assertThat(alice.find(By.id("follow-button")).getText()).isEqualTo("Follow");
        }
    }

    @Test
    void aHashtagInAPostLeadsToItsPageWhichCanBeFollowedAndUnfollowed() {
        String tag = "relais" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Api.post("bob", "Kick-off #" + tag, null);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.until(d -> {
                alice.go("/hashtags/" + tag);
                return d.findElement(By.id("feed")).getText().contains("Kick-off");
            });
            assertThat(alice.find(By.id("hashtag-title")).getText()).isEqualTo("#" + tag);
            assertThat(alice.find(By.cssSelector("#feed a.hashtag")).getAttribute("href")).endsWith("/hashtags/" + tag);

            alice.find(By.id("follow-button")).click();
            assertThat(alice.await(By.id("follow-state")).getText()).isEqualTo("Following ✓");
            alice.find(By.id("follow-button")).click();
            alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
            assertThat(alice.find(By.id("follow-button")).getText()).isEqualTo("Follow");
        }
    }

    /** feed-service lets only members follow a private community: the web app offers its Follow to them alone. */
    @Test
    void onlyTheMembersOfAPrivateCommunityAreOfferedToFollowItAndTheirFollowWorks() {
        String slug = "follow-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.createCommunity("alice", slug, "Private " + slug, "private");
        try (Browser carol = Browser.open(); Browser alice = Browser.open()) {
            carol.loginAs("carol");
            carol.go("/communities/" + slug);
            carol.await(By.id("community-title"));
            assertThat(carol.findAll(By.id("follow-button"))).as("Follow offered to a non-member").isEmpty();

            alice.loginAs("alice");
            alice.go("/communities/" + slug);
            alice.find(By.id("follow-button")).click();
            assertThat(alice.await(By.id("follow-state")).getText()).isEqualTo("Following ✓");
            alice.find(By.id("follow-button")).click();
            alice.until(d -> d.findElements(By.id("follow-state")).isEmpty());
        }
    }
}
