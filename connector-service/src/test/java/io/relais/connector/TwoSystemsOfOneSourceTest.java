package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Two systems of one source (an administrator may register a second CRM beside Salesforce) share the source's event
 * ids, first come first served: what one of them sends never rewrites, nor shows through, the other's receipt; and
 * each reads only its own counters.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class TwoSystemsOfOneSourceTest {

    static final String HUBSPOT = "hubspot-connector";

    @BeforeEach
    void aSecondCrm() {
        ConnectorFixtures.knownWorld();
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"hubspot","systemName":"HubSpot"}""")
                .put("/api/connectors/registrations/" + HUBSPOT).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static String broken(String eventId, String field) {
        return """
                {"eventType":"opportunity.won","eventId":"%s","occurredAt":"2026-11-22T10:00:00Z","data":{"%s":1}}"""
                .formatted(eventId, field);
    }

    @Test
    void aRejectionNeverRewritesAnotherSystemsReceipt() {
        String eventId = unique("hs");
        asClient(HUBSPOT).body(broken(eventId, "probability")).post("/api/connectors/crm/events").then().statusCode(400);
        // the other system sends a broken event under the same id: refused, and hubspot's receipt is still its own
        asClient("crm-connector").body(broken(eventId, "salaryOfTheOwner")).post("/api/connectors/crm/events")
                .then().statusCode(400);
        asClient(HUBSPOT).get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("clientId", equalTo(HUBSPOT)).body("status", equalTo("rejected")).body("attempts", equalTo(1))
                .body("reason", containsString("data.probability"))
                .body("reason", not(containsString("salaryOfTheOwner")));
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().statusCode(404);
    }

    @Test
    void eachSystemReadsOnlyItsOwnCountersAndAdminsTheirSum() {
        String eventId = unique("sf");
        int adminBefore = asAdmin().get("/api/connectors/sources/crm/stats").then().statusCode(200).extract().path("rejected");
        asClient("crm-connector").body(broken(eventId, "projetTornadeChezAcme")).post("/api/connectors/crm/events")
                .then().statusCode(400);
        // hubspot's counters say nothing of Salesforce's events: neither their number nor the last one's error
        int hubspotBefore = asClient(HUBSPOT).get("/api/connectors/sources/crm/stats").then().statusCode(200)
                .body("lastError.message", not(containsString("projetTornadeChezAcme"))).extract().path("rejected");
        asClient(HUBSPOT).body(broken(unique("hs"), "probability")).post("/api/connectors/crm/events").then().statusCode(400);
        asClient(HUBSPOT).get("/api/connectors/sources/crm/stats").then().statusCode(200)
                .body("rejected", equalTo(hubspotBefore + 1)).body("lastError.message", containsString("data.probability"));
        asClient("crm-connector").get("/api/connectors/sources/crm/stats").then().statusCode(200)
                .body("lastError.message", containsString("projetTornadeChezAcme"));
        asAdmin().get("/api/connectors/sources/crm/stats").then().statusCode(200)
                .body("rejected", equalTo(adminBefore + 2)).body("lastError.message", containsString("data.probability"));
    }
}
