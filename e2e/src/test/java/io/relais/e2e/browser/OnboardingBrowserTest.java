package io.relais.e2e.browser;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer is welcomed on home (profile, communities, colleagues) until they hide the panel — a choice feed-service
 * keeps, so it holds in any browser after logout and login; the header shows HR's name.
 */
class OnboardingBrowserTest {

    @Test
    void carolIsWelcomedByHerHrNameAndHidingThePanelLastsIntoAFreshBrowserSession() {
        onboarding("carol", false); // a previous run may have hidden it: feed-service keeps the choice
        try (Browser carol = Browser.open()) {
            carol.loginAs("carol");

            String panel = carol.await(By.id("welcome")).getText();
            assertThat(panel).contains("Welcome to Relais, Carol Lefèvre!", "Complete your profile");

            carol.find(By.id("welcome-hide")).click();
            carol.until(d -> d.findElements(By.id("welcome")).isEmpty());
            // the pressed button went with the panel: the focus goes to the main region, not <body>, and it is said
            assertThat(carol.js("return document.activeElement && document.activeElement.id;")).isEqualTo("main");
            carol.until(d -> "The welcome panel is hidden.".equals(d.findElement(By.id("flash")).getText()));
            carol.go("/");
            assertThat(carol.findAll(By.cssSelector("section#welcome"))).isEmpty();
        }
        // another browser profile (no cookie of the first), a new login: still hidden, because feed-service says so
        try (Browser again = Browser.open()) {
            again.loginAs("carol");
            again.await(By.id("feed"));
            // the placeholder asks /welcome on load and is replaced by its answer: nothing
            again.until(d -> d.findElements(By.id("welcome")).isEmpty());
            assertThat(given().auth().oauth2(Api.token("carol")).get(Api.FEED + "/api/me/onboarding").then().statusCode(200)
                    .extract().<Boolean>path("dismissed")).isTrue();
        } finally {
            onboarding("carol", false);
        }
    }

    /** Sets the person's onboarding dismissal in feed-service, as the panel's Hide does. */
    private static void onboarding(String login, boolean dismissed) {
        given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON).body(Map.of("dismissed", dismissed))
                .put(Api.FEED + "/api/me/onboarding").then().statusCode(200);
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
