package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An event id stands for the content first accepted under it: the same event sent again is a duplicate (200, the
 * original receipt, nothing published), but the same id with other content is a conflict (409 naming
 * {@code eventId}; in a batch that item's outcome {@code conflict}), never silently swallowed as a duplicate.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SameEventIdOtherContentTest {

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }

    private static String send(String event, int status) {
        return asClient("crm-connector").body(event).post("/api/connectors/crm/events").then().statusCode(status)
                .extract().asString();
    }

    @Test
    void theSameEventAgainIsADuplicateEvenWrittenDifferently() {
        String eventId = unique("sf");
        String first = deal("opportunity.won", eventId, "ventes");
        String activityId = asClient("crm-connector").body(first).post("/api/connectors/crm/events").then().statusCode(202)
                .extract().path("activityId");
        asClient("crm-connector").body(first).post("/api/connectors/crm/events").then().statusCode(200)
                .body("receiptId", equalTo("crm:" + eventId)).body("activityId", equalTo(activityId));
        // the same content: members in another order, the instant in another offset, the number with another scale
        String rewritten = """
                {"data":{"owner":"bob","team":"ventes","currency":"EUR","amount":125000.500,"account":"Transports Lemoine",
                         "name":"Renouvellement flotte","opportunityId":"OPP-%s"},
                 "occurredAt":"2026-11-22T11:00:00+01:00","eventId":"%s","eventType":"opportunity.won"}"""
                .formatted(eventId, eventId);
        asClient("crm-connector").body(rewritten).post("/api/connectors/crm/events").then().statusCode(200)
                .body("activityId", equalTo(activityId));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
    }

    @Test
    void theSameIdWithOtherContentIsAConflictNamingEventIdAndPublishesNothing() {
        String eventId = unique("sf");
        String receivedAt = asClient("crm-connector").body(deal("opportunity.won", eventId, "ventes"))
                .post("/api/connectors/crm/events").then().statusCode(202).extract().path("received");
        String otherAmount = deal("opportunity.won", eventId, "ventes").replace("125000.50", "99.00")
                .replace("Renouvellement flotte", "Flotte revue à la baisse");
        for (String changed : new String[]{otherAmount, deal("opportunity.lost", eventId, "ventes")}) {
            asClient("crm-connector").body(changed).post("/api/connectors/crm/events").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("eventId"))
                    .body("detail", containsString("already used for different content"))
                    .body("detail", containsString("crm:" + eventId)).body("detail", containsString(receivedAt));
        }
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning("Flotte revue à la baisse"))).isEmpty();
        // the receipt still stands for the first content; and the first content is still a duplicate
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("status", equalTo("published")).body("eventType", equalTo("opportunity.won"));
        send(deal("opportunity.won", eventId, "ventes"), 200);
    }

    @Test
    void inABatchOnlyTheItemWithOtherContentIsAConflict() {
        String earlier = unique("sf"), fresh = unique("sf"), twice = unique("sf");
        send(deal("opportunity.won", earlier, "ventes"), 202);
        String batch = "[" + deal("opportunity.won", earlier, "ventes").replace("125000.50", "1") + ","
                + deal("opportunity.won", fresh, "ventes") + ","
                + deal("opportunity.won", twice, "ventes") + ","
                + deal("opportunity.won", twice, "ventes").replace("\"owner\":\"bob\"", "\"owner\":\"alice\"") + ","
                + deal("opportunity.won", earlier, "ventes") + "]";
        asClient("crm-connector").body(batch).post("/api/connectors/crm/events/batch").then().statusCode(200)
                .body("results[0].outcome", equalTo("conflict"))
                .body("results[0].receiptId", equalTo("crm:" + earlier))
                .body("results[0].detail", containsString("already used for different content"))
                .body("results[1].outcome", equalTo("published"))
                .body("results[2].outcome", equalTo("published"))
                .body("results[3].outcome", equalTo("conflict"))
                .body("results[4].outcome", equalTo("duplicate"))
                .body("published", equalTo(2)).body("duplicates", equalTo(1)).body("conflicts", equalTo(2))
                .body("rejected", equalTo(0));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(earlier))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(fresh))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(twice))).hasSize(1);
    }
}
