package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The web app's shell in a real browser: login through Keycloak, the home feed, logout. */
class ShellSmokeTest {

    @Test
    void aliceLogsInThroughKeycloakSeesHerFeedAndLogsOut() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");

            assertThat(alice.find(By.cssSelector("nav.mainnav")).getText()).contains("Home", "Communities", "Notifications");
            assertThat(alice.find(By.id("composer-audience")).getText()).contains("Whole organisation");

            alice.find(By.cssSelector("button.logout")).click();
            alice.await(By.id("login"));
            alice.go("/notifications");
            alice.await(By.id("username"));
        }
    }
}
