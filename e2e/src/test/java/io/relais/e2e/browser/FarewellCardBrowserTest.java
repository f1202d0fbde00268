package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * connector → profile-service → feed-service → web: HR sends a person's leave with only their login (its schema's
 * {@code displayName} is optional). The farewell card on a colleague's home page names them by the display name HR gave
 * at their hire, which the card's author carries, never by their login. Before, the title read "Farewell leo1234".
 */
class FarewellCardBrowserTest {

    static final String PROFILE = Api.PROFILE;
    static final String CONNECTOR = Api.CONNECTOR;

    @Test
    void aLeaveHrSentWithOnlyTheLoginNamesThePersonOnTheFarewellCard() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "leo" + suffix;
        String name = "Léonie Départ" + suffix;
        String hr = Api.clientToken("hr-connector");
        Instant hired = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        hr(hr, Map.of("eventType", "employee.hired", "eventId", "e2e-farewell-hire-" + suffix, "occurredAt", hired.toString(),
                "data", Map.of("login", login, "displayName", name, "email", login + "@relais.example", "title", "Analyste",
                        "department", "Ingénierie", "manager", "carol", "location", "Lyon", "startDate", "2026-01-05")));
        String alice = Api.token("alice");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(alice).get(PROFILE + "/api/people/" + login).then().statusCode(200));

        hr(hr, Map.of("eventType", "employee.left", "eventId", "e2e-farewell-left-" + suffix,
                "occurredAt", hired.plus(Duration.ofHours(1)).toString(),
                "data", Map.of("login", login, "leftDate", LocalDate.now(ZoneOffset.UTC).toString())));
        String id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(alice).queryParam("limit", 50).get(Api.FEED + "/api/feed/home").then().statusCode(200).extract()
                        .<String>path("items.find { it.post.card?.eventType == 'employee.left' && it.post.card?.data?.login == '"
                                + login + "' }.post.id"), Objects::nonNull);

        try (Browser browser = Browser.open("en", 1280, 900)) {
            browser.loginAs("alice");
            By card = By.cssSelector("article[data-post='" + id + "']");
            browser.until(d -> {
                browser.go("/");
                return !d.findElements(card).isEmpty();
            });
            String title = browser.find(card).findElement(By.cssSelector(".card-title")).getText();
            assertThat(title).contains(name).doesNotContain(login);
        }
    }

    private static void hr(String token, Map<String, Object> event) {
        given().auth().oauth2(token).contentType("application/json").body(event)
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202);
    }
}
