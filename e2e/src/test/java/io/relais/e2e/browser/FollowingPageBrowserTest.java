package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Following a community shows on its page; the Following page lists it and undoes it. */
class FollowingPageBrowserTest {

    @Test
    void aliceFollowsACommunityFindsItOnHerFollowingPageAndUnfollowsItThere() {
        String slug = Communities.freshSlug("follow");
        Api.createCommunity("bob", slug, "Followed " + slug, "public");
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.go("/communities/" + slug);

            alice.find(By.id("follow-button")).click();
            assertThat(alice.await(By.id("follow-state")).getText()).isEqualTo("Following ✓");

            alice.go("/following");
            assertThat(alice.find(By.id("followed-communities")).getText()).contains("Followed " + slug);
            alice.find(By.id("unfollow-community-" + slug)).click();
            // the line stays until the next visit, its button now offering to follow again (the focus stays on it)
            alice.until(d -> "Follow".equals(d.findElement(By.id("unfollow-community-" + slug)).getText()));
            alice.go("/following");
            assertThat(alice.findAll(By.id("unfollow-community-" + slug))).isEmpty();

            alice.go("/communities/" + slug);
            assertThat(alice.find(By.id("follow-button")).getText()).isEqualTo("Follow");
        }
    }
}
