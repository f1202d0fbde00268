package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.document;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.asIntranet;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.nothingPublishedFor;
import static io.relais.connector.GenericFixtures.publishedFor;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number an event carries has a range a business system never legitimately leaves, and an amount a bounded
 * number of decimals: beyond them the event is refused, 400 problem+json naming the field and the rule, nothing
 * published. Before, a won deal of {@code "amount":1e300} was published, a card announcing a 301-digit amount; a
 * document of {@code "size":1e18} bytes (an exabyte) likewise. The bound itself is accepted.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NumberBoundsTest {

    private static final List<String> CRM_TYPES = List.of("opportunity.created", "opportunity.won", "opportunity.lost", "contract.signed");
    private static final List<String> ECM_TYPES = List.of("document.published", "document.shared", "document.updated");

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
        GenericFixtures.registerTheIntranet();
    }

    /** A deal or contract of this type with this amount (as JSON text). */
    private static String crm(String type, String eventId, String amount) {
        String event = deal(type, eventId, null).replace("125000.50", amount);
        return type.equals("contract.signed") ? event.replace("opportunityId\":\"OPP-", "contractId\":\"C-") : event;
    }

    /** A document event of this type with this size (as JSON text); a share goes to a community, as it must. */
    private static String ecm(String type, String eventId, String size) {
        return document(type, eventId, unique("DOC"), type.equals("document.shared") ? "rh" : null)
                .replace("\"size\":48213", "\"size\":" + size);
    }

    private static Response post(String client, String source, String body) {
        return asClient(client).body(body).post("/api/connectors/" + source + "/events");
    }

    private static List<Map<String, String>> errors(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.jsonPath().getList("errors");
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static Activity published(String eventId) {
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(eventId));
        assertThat(records).as(eventId).hasSize(1);
        return ActivityJson.read(records.get(0).value());
    }

    @Test
    void anAmountBeyondAnyDealIsRefusedNamingTheFieldAndTheBound() {
        for (String type : CRM_TYPES) {
            for (String amount : List.of("1e300", "1000000000000000", "999999999999999.5", "1e400")) {
                String eventId = unique("sf");
                assertThat(errors(post("crm-connector", "crm", crm(type, eventId, amount)))).as(type + " " + amount)
                        .containsExactly(error("data.amount", "must be at most 999999999999999"));
                assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
            }
        }
    }

    @Test
    void anAmountWithMoreDecimalsThanAnyCurrencyHasIsRefused() {
        for (String type : CRM_TYPES) {
            assertThat(errors(post("crm-connector", "crm", crm(type, unique("sf"), "0.00001")))).as(type)
                    .containsExactly(error("data.amount", "must have at most 4 decimal places (this one has 5)"));
            assertThat(errors(post("crm-connector", "crm", crm(type, unique("sf"), "125000.123456")))).as(type)
                    .containsExactly(error("data.amount", "must have at most 4 decimal places (this one has 6)"));
        }
    }

    @Test
    void theLargestAmountAndTheFinestFractionAreAccepted() {
        for (String type : CRM_TYPES) {
            for (String amount : List.of("999999999999999", "0.0001", "1234.5678")) {
                String eventId = unique("sf");
                post("crm-connector", "crm", crm(type, eventId, amount)).then().statusCode(202);
                assertThat(published(eventId).object().summaryMap().get("en")).as(type).contains(amount + " EUR");
            }
        }
    }

    @Test
    void aDocumentSizeBeyondAnyFileIsRefusedAndOneOfAPetabyteIsAccepted() {
        for (String type : ECM_TYPES) {
            for (String size : List.of("1000000000000001", "1e18", "1e300")) {
                String eventId = unique("sp");
                assertThat(errors(post("ecm-connector", "ecm", ecm(type, eventId, size)))).as(type + " " + size)
                        .containsExactly(error("data.size", "must be at most 1000000000000000"));
                assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
            }
            assertThat(errors(post("ecm-connector", "ecm", ecm(type, unique("sp"), "48213.5")))).as(type)
                    .containsExactly(error("data.size", "must be a whole number, not 48213.5"));
            String eventId = unique("sp");
            post("ecm-connector", "ecm", ecm(type, eventId, "1000000000000000")).then().statusCode(202);
            Activity card = published(eventId);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) card.object().relais().get("business")).get("data");
            assertThat(((Number) data.get("size")).longValue()).as(type).isEqualTo(1_000_000_000_000_000L);
            // a share is an Event card (its template gives no size); a published or updated document card shows it
            if (!type.equals("document.shared")) assertThat(card.object().size()).as(type).isEqualTo(1_000_000_000_000_000L);
        }
    }

    @Test
    void aGenericDocumentSizeIsAWholeNumberOfBytesUpToAPetabyte() {
        Map<String, String> refused = Map.of(
                "1000000000000001", "must be at most 1000000000000000",
                "1e18", "must be at most 1000000000000000",
                "1e300", "must be at most 1000000000000000",
                "-1", "must be at least 0",
                "1.5", "must be a whole number of bytes, not 1.5");
        refused.forEach((size, message) -> {
            String ceId = unique("ce");
            assertThat(errors(asIntranet().body(cloudEvent(ceId, """
                    {"type":"Create","object":{"type":"Document","name":"Rapport","size":%s}}""".formatted(size)))
                    .post("/api/connectors/generic/events"))).as(size).containsExactly(error("data.object.size", message));
            nothingPublishedFor(ceId);
        });
        Map<String, Long> accepted = Map.of("1000000000000000", 1_000_000_000_000_000L, "0", 0L,
                "2048.0", 2048L); // a whole number written with a fraction is that number, as the JSON Schemas read it
        accepted.forEach((size, bytes) -> {
            String ceId = unique("ce");
            asIntranet().body(cloudEvent(ceId, """
                    {"type":"Create","object":{"type":"Document","name":"Rapport","size":%s}}""".formatted(size)))
                    .post("/api/connectors/generic/events").then().statusCode(202);
            assertThat(publishedFor(ceId).object().size()).as(size).isEqualTo(bytes);
        });
    }
}
