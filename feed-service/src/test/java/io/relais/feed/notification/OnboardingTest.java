package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The welcome panel's dismissal is kept by feed-service per person, not by a browser. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OnboardingTest {

    @Test
    void aNewcomerHasNotDismissedTheWelcomePanel() {
        as(fresh("new")).get("/api/me/onboarding").then().statusCode(200).body("dismissed", equalTo(false));
    }

    @Test
    void aDismissalIsKeptForThatPersonOnly() {
        String emma = fresh("emma"), farid = fresh("farid");
        as(emma).body(Map.of("dismissed", true)).put("/api/me/onboarding").then().statusCode(200)
                .body("dismissed", equalTo(true)).body("dismissedAt", notNullValue());

        as(emma).get("/api/me/onboarding").then().statusCode(200).body("dismissed", equalTo(true));
        as(farid).get("/api/me/onboarding").then().statusCode(200).body("dismissed", equalTo(false));
    }

    @Test
    void thePanelCanBeShownAgain() {
        String emma = fresh("emma");
        as(emma).body(Map.of("dismissed", true)).put("/api/me/onboarding").then().statusCode(200);
        as(emma).body(Map.of("dismissed", false)).put("/api/me/onboarding").then().statusCode(200).body("dismissed", equalTo(false));
        as(emma).get("/api/me/onboarding").then().statusCode(200).body("dismissed", equalTo(false));
    }

    @Test
    void aBodyWithoutDismissedIsRefusedNamingTheField() {
        as(fresh("emma")).body(Map.of()).put("/api/me/onboarding").then().statusCode(400)
                .body("errors.field", hasItem("dismissed"));
        // a field the request does not have is named as such, not taken for a missing dismissed
        as(fresh("emma")).body(Map.of("hidden", true)).put("/api/me/onboarding").then().statusCode(400)
                .body("errors.field", hasItem("hidden"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/api/me/onboarding").then().statusCode(401);
    }
}
