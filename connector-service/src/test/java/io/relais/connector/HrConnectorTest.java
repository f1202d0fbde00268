package io.relais.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.connector.people.PeopleDirectory;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.hire;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The hr source end to end: what a business system sends, what lands on relais.activities, what it is told. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class HrConnectorTest {

    @Test
    void aHireIsPublishedAsAWelcomeCardToTheOrganisationWithItsBusinessData() throws Exception {
        String eventId = unique("wd");
        String login = unique("dave").toLowerCase();
        asHr().body(hire(eventId, login)).post("/api/connectors/hr/events")
                .then().statusCode(202)
                .header("Location", containsString("/api/connectors/receipts/hr:" + eventId))
                .body("receiptId", equalTo("hr:" + eventId)).body("status", equalTo("published"));

        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(eventId));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> r = records.get(0);
        assertThat(KafkaProbe.header(r, "ce_source")).isEqualTo("/connectors/hr/workday");
        assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("relais.activity.create");
        assertThat(KafkaProbe.header(r, "ce_specversion")).isEqualTo("1.0");
        Activity a = ActivityJson.read(r.value());
        assertThat(r.key()).isEqualTo(a.object().id());
        assertThat(a.object().type()).isEqualTo("Event");
        assertThat(a.object().id()).startsWith("urn:relais:event:");
        assertThat(a.to()).containsExactly(Audience.ORGANISATION);
        assertThat(a.object().to()).containsExactly(Audience.ORGANISATION);
        assertThat(a.generator().name()).isEqualTo("Workday");
        assertThat(a.object().attributedTo()).isEqualTo(Iri.person(login));
        assertThat(a.object().nameMap()).containsEntry("fr", "Bienvenue à Dave Martin !").containsEntry("en", "Welcome Dave Martin!");
        assertThat(a.object().summaryMap().get("en")).isEqualTo("Dave Martin joins Data as Data engineer on 2026-12-01.");
        assertThat(a.object().mentions()).contains(Iri.person(login), Iri.person("carol"));
        @SuppressWarnings("unchecked")
        Map<String, Object> business = (Map<String, Object>) a.object().relais().get("business");
        assertThat(business).containsEntry("source", "hr").containsEntry("eventType", "employee.hired")
                .containsEntry("system", "workday").containsEntry("sourceEventId", eventId);
        assertThat((Map<String, Object>) business.get("data")).containsEntry("login", login).containsEntry("manager", "carol")
                .containsEntry("startDate", "2026-12-01");
    }

    @Test
    void anInvalidEventIsRefusedWithEveryViolationListed() {
        String eventId = unique("wd");
        String body = """
                {"eventType":"employee.hired","eventId":"%s","occurredAt":"yesterday",
                 "data":{"login":"Not A Login","displayName":"X","title":"T","department":"D","startDate":"2026-13-45",
                         "salary":100000}}""".formatted(eventId);
        Response response = asHr().body(body).post("/api/connectors/hr/events");
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("occurredAt", "data.login", "data.email", "data.startDate", "data.salary"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        // the rejection is visible on the receipt, with its reason
        asHr().get("/api/connectors/receipts/hr:" + eventId).then().statusCode(200)
                .body("status", equalTo("rejected")).body("reason", containsString("data.email"));
    }

    @Test
    void anUnknownEventTypeIsRefusedNamingTheKnownOnes() {
        asHr().body("""
                {"eventType":"employee.promoted","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z","data":{}}"""
                        .formatted(unique("wd")))
                .post("/api/connectors/hr/events").then().statusCode(400)
                .body("errors[0].field", equalTo("eventType")).body("errors[0].message", containsString("employee.hired"));
    }

    @Test
    void aReplayedEventReturnsTheOriginalReceiptAndPublishesNothingNew() {
        String eventId = unique("wd");
        String body = hire(eventId, unique("emma").toLowerCase());
        String first = asHr().body(body).post("/api/connectors/hr/events").then().statusCode(202).extract().asString();
        String second = asHr().body(body).post("/api/connectors/hr/events").then().statusCode(200).extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
    }

    @Test
    void aClientPostingAsASourceItIsNotRegisteredForIsForbidden() {
        asClient("crm-connector").body(hire(unique("wd"), "x")).post("/api/connectors/hr/events")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("crm"));
        asClient("unknown-connector").body(hire(unique("wd"), "x")).post("/api/connectors/hr/events")
                .then().statusCode(403);
    }

    @Test
    void anEmployeeTokenIsForbiddenAndNoTokenIsUnauthorised() {
        given().auth().oauth2(TestTokens.employee("alice")).contentType("application/json").body(hire(unique("wd"), "x"))
                .post("/api/connectors/hr/events").then().statusCode(403);
        given().contentType("application/json").body(hire(unique("wd"), "x"))
                .post("/api/connectors/hr/events").then().statusCode(401);
    }

    @Test
    void anOversizedEventIsRefusedBeforeParsing() {
        // not even JSON: a 413 (not a 400) shows the size was checked before any parsing
        String huge = "x".repeat(70_000);
        asHr().body(huge).post("/api/connectors/hr/events").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("65536"));
    }

    @Test
    void anUnknownSourceIsNotFound() {
        asHr().body(hire(unique("wd"), "x")).post("/api/connectors/payroll/events").then().statusCode(404);
    }

    @Test
    void aMoveAndADepartureAreCardsToo() throws Exception {
        String login = unique("farid").toLowerCase();
        String move = unique("wd");
        asHr().body("""
                {"eventType":"employee.moved","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"%s","displayName":"Farid Benali","title":"Lead developer","manager":"bob"}}"""
                .formatted(move, login)).post("/api/connectors/hr/events").then().statusCode(202);
        String left = unique("wd");
        asHr().body("""
                {"eventType":"employee.left","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"%s","leftDate":"2026-12-31"}}""".formatted(left, login))
                .post("/api/connectors/hr/events").then().statusCode(202);
        JsonNode moved = new ObjectMapper().readTree(recordsNow(Topics.ACTIVITIES, mentioning(move)).get(0).value());
        assertThat(moved.at("/object/nameMap/fr").asText()).isEqualTo("Nouveau poste pour Farid Benali");
        JsonNode gone = new ObjectMapper().readTree(recordsNow(Topics.ACTIVITIES, mentioning(left)).get(0).value());
        assertThat(gone.at("/object/nameMap/en").asText()).isEqualTo("Farewell " + login);
        assertThat(gone.at("/object/relais/business/data/leftDate").asText()).isEqualTo("2026-12-31");
    }

    /**
     * A move that would close a loop in the org chart (the person's new manager reports to them, or is themselves):
     * profile-service, which owns the chart, refuses it, so its card would announce a move that never happened. The
     * connector dead-letters it naming {@code data.manager} and publishes nothing; a move without a loop is published.
     */
    @Test
    void aMoveThatWouldCloseAReportingLoopIsDeadLetteredAndPublishesNoCard() {
        String boss = unique("boss").toLowerCase(), report = unique("report").toLowerCase();
        ConnectorFixtures.profile(boss, boss + "@relais.example", "active");
        ConnectorFixtures.profile(report, report + "@relais.example", "active", boss);
        PeopleDirectory directory = Arc.container().instance(PeopleDirectory.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.byLogin(boss).isPresent()
                && directory.closesReportingLoop(boss, report));

        String loop = unique("wd"), self = unique("wd"), fine = unique("wd");
        asHr().body(move(loop, boss, report)).post("/api/connectors/hr/events").then().statusCode(202)
                .body("status", equalTo("dead-lettered"))
                .body("reason", containsString("data.manager: " + report + " reports to " + boss));
        asHr().body(move(self, boss, boss)).post("/api/connectors/hr/events").then().statusCode(202)
                .body("status", equalTo("dead-lettered")).body("reason", containsString(boss + " cannot manage themselves"));
        asHr().body(move(fine, report, "bob")).post("/api/connectors/hr/events").then().statusCode(202)
                .body("status", equalTo("published"));

        // a dead letter is decided before anything is sent (a published one is answered after the broker's ack)
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(fine))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(loop))).isEmpty();
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(self))).isEmpty();
    }

    private static String move(String eventId, String login, String manager) {
        return """
                {"eventType":"employee.moved","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"%s","manager":"%s"}}""".formatted(eventId, login, manager);
    }
}
