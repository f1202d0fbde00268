package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** Following a colleague shows as such on their profile, and the same button undoes it. */
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
}
