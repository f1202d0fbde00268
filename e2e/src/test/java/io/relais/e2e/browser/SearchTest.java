package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Search finds what one may read, with the words highlighted, and nothing from a private community one is not in. */
class SearchTest {

    @Test
    void searchFindsAnOrganisationWidePostWithTheWordHighlighted() {
        String word = "zephyrine" + UUID.randomUUID().toString().substring(0, 6);
        Api.post("alice", "Kick-off notes for " + word + " are ready", null);
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            searchUntilFound(bob, word);

            assertThat(bob.find(By.cssSelector(".hit .snippet mark")).getText()).isEqualToIgnoringCase(word);
            assertThat(bob.find(By.cssSelector(".hit")).getText()).contains("Kick-off notes");
        }
    }

    @Test
    void aNonMemberDoesNotFindPrivateCommunityContent() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String slug = "e2e-private-" + id;
        String word = "quillaja" + id;
        Api.createCommunity("bob", slug, "Private " + id, "private");
        Api.post("bob", "Budget draft " + word, slug);
        try (Browser bob = Browser.open(); Browser carol = Browser.open()) {
            bob.loginAs("bob");
            searchUntilFound(bob, word);

            carol.loginAs("carol");
            carol.go("/search?q=" + word);
            assertThat(carol.await(By.id("result-count")).getText()).startsWith("0 results");
            assertThat(carol.findAll(By.cssSelector(".hit"))).isEmpty();
            assertThat(carol.find(By.tagName("main")).getText()).doesNotContain("Budget draft");
        }
    }

    /** Indexing is asynchronous (Kafka → search-service): search again until the item is there. */
    private static void searchUntilFound(Browser b, String word) {
        b.until(d -> {
            b.go("/search?q=" + word);
            return !b.findAll(By.cssSelector(".hit .snippet mark")).isEmpty();
        });
    }
}
