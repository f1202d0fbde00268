package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.document;
import static io.relais.connector.ConnectorFixtures.hire;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * A business system's card names only what exists: its community must have been created in feed-service, its owner
 * must be a person profile-service knows and who has not left. Otherwise whoever later created that slug (any
 * employee may), or a later hire with that login, would own every card the system ever sent there. Such a card is
 * not published: it is a dead letter naming the field, and the administrator's replay publishes it once the community
 * or person exists.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CardsNameOnlyWhatExistsTest {

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }

    private static void awaitDeadLetterReason(String receiptId, String reason) {
        KafkaProbe.awaitRecords(Topics.CONNECTOR_DLQ, r -> receiptId.equals(r.key())
                && KafkaProbe.header(r, "dead-letter-reason").contains(reason), 1, Duration.ofSeconds(20));
    }

    @Test
    void aDealForACommunityNobodyCreatedIsADeadLetterUntilTheCommunityExistsThenItsReplayPublishesIt() {
        String slug = unique("ventes-emea").toLowerCase();
        String eventId = unique("sf");
        String reason = "data.team: no community '" + slug + "'";
        // a system may ask first: the dry run says why it would not map, and stores nothing
        asClient("crm-connector").body(deal("opportunity.won", eventId, slug)).post("/api/connectors/crm/events/dry-run")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString(reason));
        asClient("crm-connector").body(deal("opportunity.won", eventId, slug)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("dead-lettered")).body("reason", containsString(reason));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        awaitDeadLetterReason("crm:" + eventId, reason);
        asClient("crm-connector").get("/api/connectors/receipts/crm:" + eventId).then().statusCode(200)
                .body("status", equalTo("dead-lettered")).body("reason", containsString(reason));
        asAdmin().get("/api/connectors/dead-letters/crm:" + eventId).then().statusCode(200)
                .body("reason", containsString(reason));
        // replaying before the community exists changes nothing
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(409);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();

        // public: every registration addresses it (a private one would also have to be listed: RegistrationCommunitiesTest)
        ConnectorFixtures.community(slug, "public");
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published")).body("reason", nullValue());
        Activity a = ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value());
        assertThat(a.to()).containsExactly(Iri.community(slug));
    }

    @Test
    void aDocumentForATargetCommunityNobodyCreatedIsADeadLetterNamingTheField() {
        String slug = unique("juridique").toLowerCase();
        String eventId = unique("sp");
        asClient("ecm-connector").body(document("document.published", eventId, unique("DOC"), slug))
                .post("/api/connectors/ecm/events").then().statusCode(202).body("status", equalTo("dead-lettered"))
                .body("reason", containsString("data.targetCommunity: no community '" + slug + "'"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
    }

    @Test
    void aBatchSaysWhichCardsWentToNoCommunityAndPublishesTheOthers() {
        String slug = unique("ventes-nord").toLowerCase();
        String good = unique("sf"), orphan = unique("sf");
        asClient("crm-connector").body("[" + deal("opportunity.won", good, "ventes") + ","
                        + deal("opportunity.won", orphan, slug) + "]").post("/api/connectors/crm/events/batch")
                .then().statusCode(200).body("published", equalTo(1))
                .body("results[0].outcome", equalTo("published"))
                .body("results[1].outcome", equalTo("dead-lettered"))
                .body("results[1].status", equalTo("dead-lettered"))
                .body("results[1].detail", containsString("data.team: no community '" + slug + "'"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(good))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(orphan))).isEmpty();
    }

    @Test
    void aRegistrationsDefaultCommunityThatDoesNotExistPublishesNothing() {
        String client = "crm-" + unique("emea").toLowerCase();
        String slug = unique("grands-comptes").toLowerCase();
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"community:%s","system":"hubspot","systemName":"HubSpot"}"""
                .formatted(slug)).put("/api/connectors/registrations/" + client).then().statusCode(201);
        String eventId = unique("hs");
        asClient(client).body(deal("opportunity.created", eventId, null).replace("salesforce", "hubspot"))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("dead-lettered"))
                .body("reason", containsString("defaultAudience of registration " + client + ": no community '" + slug + "'"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
    }

    @Test
    void aDealOwnedByNobodyRelaisKnowsIsADeadLetterUntilTheyAreAnnouncedThenItsReplayPublishesIt() {
        String owner = "nadia" + unique("").substring(1).toLowerCase();
        String eventId = unique("sf");
        String reason = "data.owner: no person '" + owner + "'";
        asClient("crm-connector").body(deal("opportunity.won", eventId, "ventes").replace("\"owner\":\"bob\"", "\"owner\":\"" + owner + "\""))
                .post("/api/connectors/crm/events").then().statusCode(202)
                .body("status", equalTo("dead-lettered")).body("reason", containsString(reason));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        awaitDeadLetterReason("crm:" + eventId, reason);
        asAdmin().get("/api/connectors/dead-letters?source=crm").then().statusCode(200).body("id", hasItem("crm:" + eventId));

        ConnectorFixtures.people(owner);
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published"));
        Activity a = ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value());
        assertThat(a.object().attributedTo()).isEqualTo(Iri.person(owner));
    }

    @Test
    void aDocumentOwnedBySomeoneWhoLeftIsADeadLetter() {
        String owner = "paul" + unique("").substring(1).toLowerCase();
        ConnectorFixtures.people(owner);
        ConnectorFixtures.profile(owner, owner + "@relais.example", "left");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String eventId = unique("sp");
            asClient("ecm-connector").body(document("document.published", eventId, unique("DOC"), "rh")
                            .replace("\"owner\":\"alice\"", "\"owner\":\"" + owner + "\""))
                    .post("/api/connectors/ecm/events").then().statusCode(202).body("status", equalTo("dead-lettered"))
                    .body("reason", containsString("data.owner: no person '" + owner + "' (unknown to Relais, or has left"));
        });
    }

    /** HR is where people come from: a hire's manager may be hired after them, so an unknown one is no reason to refuse. */
    @Test
    void aHireWhoseManagerIsNotKnownYetIsStillPublished() {
        String login = "ines" + unique("").substring(1).toLowerCase();
        String manager = "zack" + unique("").substring(1).toLowerCase();
        String eventId = unique("wd");
        asHr().body(hire(eventId, login).replace("\"manager\":\"carol\"", "\"manager\":\"" + manager + "\""))
                .post("/api/connectors/hr/events").then().statusCode(202).body("status", equalTo("published"));
        Activity a = ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value());
        assertThat(a.object().mentions()).contains(Iri.person(login), Iri.person(manager));
    }

    @Test
    void anEventDatedMoreThanFiveMinutesAheadIsRefusedNamingOccurredAt() {
        String later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String eventId = unique("sf");
        asClient("crm-connector").body(deal("opportunity.won", eventId, "ventes").replace("2026-11-22T10:00:00Z", later))
                .post("/api/connectors/crm/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("occurredAt"))
                .body("errors[0].message", containsString("at most 5 minutes ahead of Relais' clock"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        asClient("crm-connector").body("[" + deal("opportunity.won", unique("sf"), "ventes").replace("2026-11-22T10:00:00Z", later) + "]")
                .post("/api/connectors/crm/events/batch").then().statusCode(200).body("published", equalTo(0))
                .body("results[0].errors[0].field", equalTo("[0].occurredAt"));
    }

    /**
     * A date no business event of a feed has: year 1 (.NET's DateTime.MinValue), 1900 (SQL Server's zero date), the Unix
     * epoch (an unset timestamp) or anything more than ten years back. Before, each was published as the card's date.
     */
    @Test
    void anEventDatedMoreThanTenYearsBackIsRefusedNamingOccurredAt() {
        for (String past : List.of("0001-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                Instant.now().atOffset(ZoneOffset.UTC).minusYears(10).minusDays(1).truncatedTo(ChronoUnit.SECONDS).toString())) {
            String eventId = unique("sf");
            asClient("crm-connector").body(deal("opportunity.won", eventId, "ventes").replace("2026-11-22T10:00:00Z", past))
                    .post("/api/connectors/crm/events").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("occurredAt")))
                    .body("errors[0].message", containsString("at most 10 years before Relais' clock"));
            assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        }
        asClient("crm-connector").body("[" + deal("opportunity.won", unique("sf"), "ventes")
                        .replace("2026-11-22T10:00:00Z", "0001-01-01T00:00:00Z") + "]")
                .post("/api/connectors/crm/events/batch").then().statusCode(200).body("published", equalTo(0))
                .body("results[0].errors[0].field", equalTo("[0].occurredAt"));
        // nine years back is history a system may still send
        String nineYears = Instant.now().atOffset(ZoneOffset.UTC).minusYears(9).truncatedTo(ChronoUnit.SECONDS).toString();
        asClient("crm-connector").body(deal("opportunity.won", unique("sf"), "ventes").replace("2026-11-22T10:00:00Z", nineYears))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("published"));
    }

    @Test
    void anEventAMinuteAheadIsWithinTheClockSkewAllowance() {
        String soon = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        asClient("crm-connector").body(deal("opportunity.won", unique("sf"), "ventes").replace("2026-11-22T10:00:00Z", soon))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("published"));
    }
}
