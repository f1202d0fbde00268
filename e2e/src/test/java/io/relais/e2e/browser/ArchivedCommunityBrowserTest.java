package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archived community is read-only in the browser as feed-service makes it (409 for every write there): its owner
 * archives it from the settings, a member opening one of its threads finds no comment box and no reaction buttons but
 * a notice saying why, and once the owner unarchives it from the community's page the comment box is back.
 */
class ArchivedCommunityBrowserTest {

    @Test
    void aMemberFindsAnArchivedCommunitysThreadReadOnlyUntilItsOwnerUnarchivesIt() {
        String slug = Communities.freshSlug("archived");
        Api.createCommunity("alice", slug, "Archived " + slug, "public");
        Communities.join("bob", slug);
        String iri = Api.post("alice", "Bilan du projet " + slug, slug);
        String post = iri.substring(iri.lastIndexOf(':') + 1);
        try (Browser alice = Browser.open(); Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.go("/posts/" + post);
            bob.await(By.id("comment-on-" + post));

            alice.loginAs("alice");
            alice.go("/communities/" + slug + "/settings");
            alice.await(By.id("archive-confirm")).click();
            alice.find(By.id("archive-button")).click();
            assertThat(alice.await(By.id("archived-notice")).getText()).contains("This community is archived: it is read-only.");
            assertThat(alice.findAll(By.id("settings-link"))).as("no settings to change while archived").isEmpty();
            assertThat(Communities.community("alice", slug).get("archived")).isEqualTo(true);

            bob.until(d -> {
                bob.go("/posts/" + post);
                return d.findElements(By.id("comment-on-" + post)).isEmpty();
            });
            assertThat(bob.await(By.id("archived-thread-" + post)).getText())
                    .contains("This community is archived: its threads take no new comment or reaction.");
            assertThat(bob.findAll(By.cssSelector("#post-" + post + " .reactions button"))).as("reaction buttons").isEmpty();
            assertThat(bob.findAll(By.cssSelector("form.comment-form"))).as("comment box").isEmpty();
            assertThat(bob.find(By.id("post-" + post)).getText()).contains("Bilan du projet " + slug);

            alice.find(By.id("unarchive-button")).click();
            alice.until(d -> d.findElements(By.id("archived-notice")).isEmpty());
            assertThat(alice.await(By.id("settings-link")).isDisplayed()).isTrue();

            bob.until(d -> {
                bob.go("/posts/" + post);
                return !d.findElements(By.id("comment-on-" + post)).isEmpty();
            });
            assertThat(bob.findAll(By.id("archived-thread-" + post))).isEmpty();
            assertThat(bob.findAll(By.cssSelector("#post-" + post + " .reactions button"))).as("reaction buttons").isNotEmpty();
        }
    }
}
