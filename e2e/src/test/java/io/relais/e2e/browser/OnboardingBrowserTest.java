package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer is welcomed on home (profile, communities, colleagues) until they hide the panel; the header shows HR's name. */
class OnboardingBrowserTest {

    @Test
    void carolIsWelcomedByHerHrNameAndCanHideThePanel() {
        try (Browser carol = Browser.open()) {
            carol.loginAs("carol");

            String panel = carol.await(By.id("welcome")).getText();
            assertThat(panel).contains("Welcome to Relais, Carol Lefèvre!", "Complete your profile");

            carol.find(By.id("welcome-hide")).click();
            carol.until(d -> d.findElements(By.id("welcome")).isEmpty());
            carol.go("/");
            assertThat(carol.findAll(By.cssSelector("section#welcome"))).isEmpty();
        }
    }

    @Test
    void theHeaderShowsTheHrNamesInitialsOrPhoto() {
        try (Browser carol = Browser.open()) {
            carol.loginAs("carol");

            boolean photo = !carol.findAll(By.id("me-photo")).isEmpty();
            if (photo) {
                assertThat(carol.find(By.id("me-photo")).getAttribute("src")).endsWith("/people/carol/photo");
            } else {
                assertThat(carol.find(By.id("me-initials")).getText()).isEqualTo("CL");
            }
        }
    }
}
