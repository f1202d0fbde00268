package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.hire;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Batch, dry-run, dead letters and replay, registry administration, counters. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    /** The people and communities the fixtures' events name exist, as a card may only name what exists. */
    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
        ConnectorFixtures.communities("vie-de-bureau");
    }


    @Test
    void aBatchHandlesEachEventOnItsOwn() {
        String ok = unique("wd"), bad = unique("wd"), gaelle = unique("gaelle").toLowerCase();
        // the repeat is the same event (a repeat with other content is a conflict: SameEventIdOtherContentTest)
        String batch = "[" + hire(ok, gaelle) + "," + hire(ok, gaelle) + ","
                + hire(bad, "gaelle").replace("\"email\"", "\"mail\"") + "]";
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200)
                .body("published", equalTo(1)).body("duplicates", equalTo(1)).body("rejected", equalTo(1))
                .body("results[0].outcome", equalTo("published")).body("results[1].outcome", equalTo("duplicate"))
                .body("results[2].errors.field", hasItem("[2].data.email"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(ok))).hasSize(1);
    }

    @Test
    void aBatchWithARepeatAndItsReplayPublishEachEventOnceWithTheOriginalReceipts() {
        String a = unique("wd"), b = unique("wd"), c = unique("wd"), ines = unique("ines").toLowerCase();
        String batch = "[" + hire(a, ines) + "," + hire(b, unique("jules").toLowerCase()) + ","
                + hire(a, ines) + "," + hire(c, unique("karim").toLowerCase()) + "]";
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200)
                .body("published", equalTo(3)).body("duplicates", equalTo(1))
                .body("results[2].outcome", equalTo("duplicate")).body("results[2].receiptId", equalTo("hr:" + a));
        String activityOfA = asHr().get("/api/connectors/receipts/hr:" + a).then().statusCode(200)
                .body("status", equalTo("published")).extract().path("activityId");
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200)
                .body("published", equalTo(0)).body("duplicates", equalTo(4))
                .body("results.outcome", everyItem(equalTo("duplicate")))
                .body("results[0].receiptId", equalTo("hr:" + a)).body("results[3].status", equalTo("published"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(a))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(b))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(c))).hasSize(1);
        asHr().get("/api/connectors/receipts/hr:" + a).then().statusCode(200)
                .body("status", equalTo("published")).body("activityId", equalTo(activityOfA));
    }

    @Test
    void aBatchOverTheEventLimitIsTooLarge() {
        String one = hire(unique("wd"), "x");
        asHr().body("[" + (one + ",").repeat(500) + one + "]").post("/api/connectors/hr/events/batch")
                .then().statusCode(413).body("detail", containsString("500"));
    }

    @Test
    void aDryRunShowsTheActivityAndPublishesNothing() {
        String eventId = unique("wd");
        asHr().body(hire(eventId, "henri")).post("/api/connectors/hr/events/dry-run").then().statusCode(200)
                .body("type", equalTo("Create")).body("object.type", equalTo("Event"))
                .body("object.nameMap.fr", equalTo("Bienvenue à Dave Martin !"))
                .body("object.relais.business.sourceEventId", equalTo(eventId));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        asHr().get("/api/connectors/receipts/hr:" + eventId).then().statusCode(404);
        asHr().body("{\"eventType\":\"employee.hired\"}").post("/api/connectors/hr/events/dry-run").then().statusCode(400);
    }

    @Test
    void everyBuiltInEventTypeMapsToAValidCard() {
        String[][] events = {
                {"hr", "{\"eventType\":\"employee.anniversary\",\"eventId\":\"a1\",\"occurredAt\":\"2026-03-04T08:00:00Z\",\"data\":{\"login\":\"carol\",\"years\":7}}",
                        "7 an(s) chez nous pour carol"},
                {"crm-connector", deal("opportunity.created", "c1", null), "Nouvelle opportunité : Renouvellement flotte"},
                {"crm-connector", deal("opportunity.lost", "c2", null).replace("\"owner\":\"bob\"", "\"owner\":\"bob\",\"reason\":\"Budget reporté\""),
                        "Affaire perdue : Renouvellement flotte"},
                {"ecm-connector", ConnectorFixtures.document("document.shared", "e1", "DOC-1", "vie-de-bureau"),
                        "alice partage « Politique de télétravail 2027 »"}};
        for (String[] e : events) {
            String client = e[0].equals("hr") ? "hr-connector" : e[0];
            String source = client.substring(0, client.indexOf('-'));
            asClient(client).contentType("application/json; charset=UTF-8").body(e[1])
                    .post("/api/connectors/" + source + "/events/dry-run").then().statusCode(200)
                    .body("object.nameMap.fr", equalTo(e[2])).body("object.summaryMap.en", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void anEventWhoseMappingFailsIsDeadLetteredAndReplayedOnceTheMappingIsFixed() throws Exception {
        // an operator deploys a broken template override: it names a field contracts do not have
        Path override = Path.of("target/test-mappings/crm/contract.signed.json");
        Files.createDirectories(override.getParent());
        Files.writeString(override, """
                {"activity":"Create","object":"Event","owner":"{{data.owner}}",
                 "name":{"fr":"Contrat {{data.label}}","en":"Contract {{data.label}}"},
                 "summary":{"fr":"{{data.account}}","en":"{{data.account}}"}}""");
        String eventId = unique("sf");
        try {
            asClient("crm-connector").body(deal("contract.signed", eventId, null).replace("opportunityId\":\"OPP-", "contractId\":\"C-"))
                    .post("/api/connectors/crm/events").then().statusCode(202)
                    .body("status", equalTo("dead-lettered")).body("reason", containsString("data.label"));
            assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
            KafkaProbe.awaitRecords(Topics.CONNECTOR_DLQ, r -> ("crm:" + eventId).equals(r.key())
                    && KafkaProbe.header(r, "dead-letter-reason").contains("data.label"), 1, Duration.ofSeconds(20));
            asAdmin().get("/api/connectors/dead-letters?source=crm").then().statusCode(200)
                    .body("id", hasItem("crm:" + eventId));
            // still broken: the replay is refused and the letter stays
            asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(409);
        } finally {
            Files.deleteIfExists(override); // the fix: back to the built-in template
        }
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published")).body("reason", nullValue());
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
        asAdmin().get("/api/connectors/dead-letters/crm:" + eventId).then().body("status", equalTo("replayed"));
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(409);
        // the sender sees the same outcome on its receipt; a resend is a duplicate
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().body("status", equalTo("published"));
    }

    /**
     * A dead letter is replayed for its client as registered today: once an administrator has moved the client to
     * another system (or taken the source from it), its old letters are not published as the system it no longer is,
     * which may now be another client's.
     */
    @Test
    void aDeadLetterIsNeverReplayedAsASystemItsClientNoLongerIs() {
        String client = unique("zoho-connector");
        String registration = """
                {"sources":["%s"],"defaultAudience":"organisation","system":"%s","systemName":"CRM"}""";
        asAdmin().body(registration.formatted("crm", "zoho")).put("/api/connectors/registrations/" + client)
                .then().statusCode(201);
        String team = unique("equipe").toLowerCase(), eventId = unique("zo");
        asClient(client).body(deal("opportunity.won", eventId, team).replace("salesforce", "zoho"))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("dead-lettered"));
        ConnectorFixtures.community(team, "public");

        asAdmin().body(registration.formatted("crm", "pipedrive")).put("/api/connectors/registrations/" + client)
                .then().statusCode(200);
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("zoho"));
        asAdmin().body(registration.formatted("ecm", "zoho")).put("/api/connectors/registrations/" + client)
                .then().statusCode(200);
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(409)
                .body("detail", containsString("no longer posts as crm"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        asAdmin().get("/api/connectors/dead-letters/crm:" + eventId).then().body("status", equalTo("open"));

        asAdmin().body(registration.formatted("crm", "zoho")).put("/api/connectors/registrations/" + client)
                .then().statusCode(200);
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        asHr().get("/api/connectors/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.employee("alice")).get("/api/connectors/dead-letters").then().statusCode(403);
        given().get("/api/connectors/dead-letters").then().statusCode(401);
    }

    @Test
    void theCallingClientSeesItsRegistration() {
        asHr().get("/api/connectors/me").then().statusCode(200)
                .body("clientId", equalTo("hr-connector")).body("sources", hasItem("hr"))
                .body("defaultAudience", equalTo("organisation"));
        given().get("/api/connectors/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.employee("alice")).get("/api/connectors/me").then().statusCode(403);
    }

    @Test
    void anAdminRegistersAClientWhichCanThenPostAndIsRemovedAgain() {
        String client = unique("payroll-connector");
        asClient(client).body(hire(unique("wd"), "x")).post("/api/connectors/hr/events").then().statusCode(403);
        asAdmin().body("""
                {"sources":["hr"],"defaultAudience":"community:rh","system":"sap","systemName":"SAP HCM"}""")
                .put("/api/connectors/registrations/" + client).then().statusCode(201).body("defaultAudienceIri", equalTo("urn:relais:community:rh"));
        String eventId = unique("sap");
        asClient(client).body(hire(eventId, unique("ines").toLowerCase())).post("/api/connectors/hr/events").then().statusCode(202);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value())
                .contains("\"to\":[\"urn:relais:community:rh\"]").contains("SAP HCM");
        // an event id another system already used for this source is this system's own: never answered with the
        // other's receipt, never refused because of it
        String hrEventId = unique("wd");
        String hrReceipt = asHr().body(hire(hrEventId, unique("noe").toLowerCase())).post("/api/connectors/hr/events")
                .then().statusCode(202).extract().path("receiptId");
        asClient(client).body(hire(hrEventId, unique("noe").toLowerCase())).post("/api/connectors/hr/events").then()
                .statusCode(202).body("clientId", equalTo(client)).body("receiptId", not(equalTo(hrReceipt)));
        asAdmin().body("{\"sources\":[\"payroll\"],\"defaultAudience\":\"everyone\",\"system\":\"SAP\"}")
                .put("/api/connectors/registrations/" + client).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("defaultAudience", "system", "systemName"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("sources[0]")));
        asAdmin().body("{\"sources\":[\"hr\",null],\"defaultAudience\":\"organisation\",\"system\":\"sap\",\"systemName\":\"SAP\"}")
                .put("/api/connectors/registrations/" + client).then().statusCode(400)
                .body("errors.field", equalTo(List.of("sources[1]")));
        asHr().get("/api/connectors/registrations/" + client).then().statusCode(403);
        asAdmin().delete("/api/connectors/registrations/" + client).then().statusCode(204);
        asClient(client).body(hire(unique("wd"), "x")).post("/api/connectors/hr/events").then().statusCode(403);
    }

    @Test
    void countersArePerSourceAndExportedAsMetrics() {
        String eventId = unique("wd");
        // hr-connector's own counters (an admin's add up every client posting as hr, other tests' systems too)
        int before = asHr().get("/api/connectors/sources/hr/stats").then().statusCode(200).extract().path("published");
        asHr().body(hire(eventId, unique("jade").toLowerCase())).post("/api/connectors/hr/events").then().statusCode(202);
        asHr().body("{}").post("/api/connectors/hr/events").then().statusCode(400);
        asHr().get("/api/connectors/sources/hr/stats").then().statusCode(200)
                .body("published", greaterThan(before)).body("rejected", greaterThan(0))
                .body("lastError.outcome", equalTo("rejected"));
        asHr().get("/api/connectors/sources/crm/stats").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("relais_connector_events_total{outcome=\"published\",source=\"hr\"}"));
    }
}
