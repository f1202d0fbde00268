package io.relais.connector.throttle;

import io.relais.connector.ConnectorFixtures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.document;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Throttling of business systems (issue 12: "2,000 connector calls in 7 s by one client" went through): past its
 * limit a connector client is answered 429 with Retry-After and problem+json, keyed by its OAuth client id
 * ({@code azp}); another business system is not slowed down.
 */
@QuarkusTest
@TestProfile(ThrottlingTest.SmallLimits.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ThrottlingTest {

    /** The people and communities the fixtures' events name exist, as a card may only name what exists. */
    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }


    static final int BURST = 2;

    /** Production's throttle, with a connector burst small enough to reach. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relais.throttle.enabled", "true", "relais.throttle.connector-burst", Integer.toString(BURST),
                    "relais.throttle.connector-per-minute", "6");
        }
    }

    @Test
    void aBusinessSystemCallingFasterThanItsLimitGets429AndAnotherSystemIsNotAffected() {
        for (int i = 0; i < BURST; i++) {
            asClient("crm-connector").body(deal("opportunity.won", unique("sf"), null)).post("/api/connectors/crm/events")
                    .then().statusCode(202);
        }

        Response refused = asClient("crm-connector").body(deal("opportunity.won", unique("sf"), null))
                .post("/api/connectors/crm/events");

        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", startsWith("client crm-connector has made more writes than allowed"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        asClient("ecm-connector").body(document("document.published", unique("doc"), unique("d"), null))
                .post("/api/connectors/ecm/events").then().statusCode(202);
    }
}
