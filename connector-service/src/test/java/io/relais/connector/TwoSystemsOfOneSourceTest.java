package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Two systems of one source (an administrator may register a second CRM beside Salesforce) each have their own event
 * ids: what one of them sends never suppresses, claims, rewrites, nor shows through, the other's receipt; and each
 * reads only its own counters.
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

    /** A deal of HubSpot's: no {@code system} (the registration's), its own title. */
    private static String hubspotDeal(String eventId) {
        return deal("opportunity.won", eventId, null).replace("\"system\":\"salesforce\",", "")
                .replace("Renouvellement flotte", "Deal HubSpot");
    }

    /**
     * HubSpot sends first an event under the id Salesforce will use (by chance, or to squat it): Salesforce's own event
     * is still published, under its own receipt, and its resend is a duplicate of it; HubSpot's receipt and card stay
     * its own. Before, Salesforce's event was refused (409 "already used by another system"), never published.
     */
    @Test
    void aSystemCanNeitherSuppressNorClaimAnotherSystemsEventId() {
        String eventId = unique("sf");
        String hubspotReceipt = asClient(HUBSPOT).body(hubspotDeal(eventId)).post("/api/connectors/crm/events").then()
                .statusCode(202).body("clientId", equalTo(HUBSPOT)).extract().path("receiptId");
        String salesforce = deal("opportunity.won", eventId, "ventes");
        String receipt = asClient("crm-connector").body(salesforce).post("/api/connectors/crm/events").then()
                .statusCode(202).body("status", equalTo("published")).body("clientId", equalTo("crm-connector"))
                .extract().path("receiptId");
        assertThat(receipt).isNotEqualTo(hubspotReceipt);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId)))
                .extracting(r -> KafkaProbe.header(r, "ce_source"))
                .containsExactlyInAnyOrder("/connectors/crm/hubspot", "/connectors/crm/salesforce");
        // idempotent for each system: the same event again is the same receipt, nothing new published
        asClient("crm-connector").body(salesforce).post("/api/connectors/crm/events").then().statusCode(200)
                .body("receiptId", equalTo(receipt)).body("status", equalTo("published"));
        asClient(HUBSPOT).body(hubspotDeal(eventId)).post("/api/connectors/crm/events").then().statusCode(200)
                .body("receiptId", equalTo(hubspotReceipt));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(2);
        // each reads its own receipt by the id it knows, <source>:<eventId>
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("receiptId", equalTo(receipt)).body("clientId", equalTo("crm-connector"));
        asClient(HUBSPOT).get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("receiptId", equalTo(hubspotReceipt)).body("clientId", equalTo(HUBSPOT));
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
        // and the other system's rejection is recorded as its own
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("clientId", equalTo("crm-connector")).body("status", equalTo("rejected"))
                .body("reason", containsString("salaryOfTheOwner")).body("reason", not(containsString("data.probability")));
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
