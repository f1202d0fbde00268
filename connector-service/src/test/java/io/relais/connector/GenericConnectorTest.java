package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.GENERATOR;
import static io.relais.connector.GenericFixtures.asIntranet;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.nothingPublishedFor;
import static io.relais.connector.GenericFixtures.publishedFor;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The generic source: native CloudEvents over HTTP (structured and binary) carrying AS2 activities, published as cards. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class GenericConnectorTest {

    @BeforeEach
    void registerTheIntranet() {
        ConnectorFixtures.knownWorld();
        GenericFixtures.registerTheIntranet();
    }

    @Test
    void aNoteBecomesACardOfTheSystemInItsOwnNamespace() {
        String ceId = unique("ce");
        String note = unique("news");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","id":"%s",
                 "content":"<p>Le CSE ouvre les <b>inscriptions</b>.</p><script>steal()</script>"}}""".formatted(note)))
                .post("/api/connectors/generic/events").then().statusCode(202)
                .body("receiptId", equalTo("generic:" + ceId)).body("status", equalTo("published"))
                .body("objectId", equalTo("urn:relais:external:generic.intranet:" + note));

        Activity a = publishedFor(ceId);
        assertThat(a.type()).isEqualTo(As2.CREATE);
        assertThat(a.actor()).isEqualTo(GENERATOR);
        assertThat(a.generator().name()).isEqualTo("Intranet");
        assertThat(a.object().id()).isEqualTo("urn:relais:external:generic.intranet:" + note);
        assertThat(a.object().type()).isEqualTo(As2.EVENT);
        assertThat(a.object().summary()).isEqualTo("Le CSE ouvre les inscriptions.");
        assertThat(a.object().content()).isEqualTo("<p>Le CSE ouvre les <b>inscriptions</b>.</p>");
        assertThat(a.to()).containsExactly(Audience.ORGANISATION); // the registration's default audience
        @SuppressWarnings("unchecked")
        Map<String, Object> business = (Map<String, Object>) a.object().relais().get("business");
        assertThat(business).containsEntry("source", "generic").containsEntry("system", "intranet")
                .containsEntry("sourceEventId", ceId).containsEntry("eventType", "com.example.intranet.published");
    }

    @Test
    void anUpdateAndADeleteOfItsOwnObjectReachTheSameCard() {
        String note = unique("news");
        String created = unique("ce"), updated = unique("ce"), deleted = unique("ce");
        asIntranet().body(cloudEvent(created, """
                {"type":"Create","object":{"type":"Article","id":"%s","name":"Fête d'été","summary":"Inscriptions"}}"""
                .formatted(note))).post("/api/connectors/generic/events").then().statusCode(202);
        asIntranet().body(cloudEvent(updated, """
                {"type":"Update","object":{"type":"Article","id":"%s","name":"Fête d'été (reportée)","summary":"Nouvelle date"}}"""
                .formatted(note))).post("/api/connectors/generic/events").then().statusCode(202);
        asIntranet().contentType("application/activity+json")
                .header("ce-specversion", "1.0").header("ce-id", deleted).header("ce-source", "/intranet/news")
                .header("ce-type", "com.example.intranet.deleted")
                .body("""
                        {"type":"Delete","object":{"type":"Tombstone","id":"%s","formerType":"Article"}}""".formatted(note))
                .post("/api/connectors/generic/events").then().statusCode(202);

        String iri = "urn:relais:external:generic.intranet:" + note;
        Activity update = publishedFor(updated);
        assertThat(update.type()).isEqualTo(As2.UPDATE);
        assertThat(update.object().id()).isEqualTo(iri);
        assertThat(update.object().name()).isEqualTo("Fête d'été (reportée)");
        assertThat(update.object().updated()).isNotNull();
        Activity delete = publishedFor(deleted);
        assertThat(delete.type()).isEqualTo(As2.DELETE);
        assertThat(delete.object().id()).isEqualTo(iri);
        assertThat(delete.object().type()).isEqualTo(As2.TOMBSTONE);
        assertThat(publishedFor(created).object().id()).isEqualTo(iri);
    }

    /** A card is dated when Relais learns it at the latest: an edit or a publication dated in the future is dated now. */
    @Test
    void aCardIsNeverDatedInTheFuture() {
        String note = unique("news"), created = unique("ce"), updated = unique("ce");
        java.time.Instant before = java.time.Instant.now();
        asIntranet().body(cloudEvent(created, """
                {"type":"Create","object":{"type":"Article","id":"%s","name":"Fête d'été","published":"2099-01-01T00:00:00Z"}}"""
                .formatted(note))).post("/api/connectors/generic/events").then().statusCode(202);
        asIntranet().body(cloudEvent(updated, """
                {"type":"Update","object":{"type":"Article","id":"%s","name":"Fête d'été (reportée)","updated":"2099-01-01T00:00:00Z"}}"""
                .formatted(note))).post("/api/connectors/generic/events").then().statusCode(202);
        java.time.Instant after = java.time.Instant.now();
        assertThat(publishedFor(created).object().published()).satisfiesAnyOf(
                p -> assertThat(p).isNull(), p -> assertThat(p).isBetween(before, after));
        assertThat(publishedFor(updated).object().updated()).isBetween(before, after);
    }

    /** A date more than ten years back (year 1, an unset Unix timestamp) is refused, naming the field; nothing published. */
    @Test
    void aCardIsNeverDatedMoreThanTenYearsBack() {
        String atTime = unique("ce"), atPublished = unique("ce"), atUpdated = unique("ce");
        asIntranet().body(cloudEvent(atTime, """
                {"type":"Create","object":{"type":"Article","id":"%s","name":"Fête d'été"}}""".formatted(unique("news")))
                        .replace("\"datacontenttype\"", "\"time\":\"0001-01-01T00:00:00Z\",\"datacontenttype\""))
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("time"))
                .body("errors.find { it.field == 'time' }.message", containsString("at most 10 years before"));
        asIntranet().body(cloudEvent(atPublished, """
                {"type":"Create","object":{"type":"Article","id":"%s","name":"Fête d'été","published":"1970-01-01T00:00:00Z"}}"""
                        .formatted(unique("news")))).post("/api/connectors/generic/events").then().statusCode(400)
                .body("errors.field", hasItems("data.object.published"));
        asIntranet().body(cloudEvent(atUpdated, """
                {"type":"Update","object":{"type":"Article","id":"%s","name":"Fête d'été","updated":"0001-01-01T00:00:00Z"}}"""
                        .formatted(unique("news")))).post("/api/connectors/generic/events").then().statusCode(400)
                .body("errors.field", hasItems("data.object.updated"));
        nothingPublishedFor(atTime);
        nothingPublishedFor(atPublished);
        nothingPublishedFor(atUpdated);
    }

    @Test
    void anIdAlreadyInItsNamespaceIsKept() {
        String ceId = unique("ce");
        String iri = "urn:relais:external:generic.intranet:" + unique("page");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Page","id":"%s","name":"Annuaire des salles","url":"https://intranet.example/salles"}}"""
                .formatted(iri))).post("/api/connectors/generic/events").then().statusCode(202);
        Activity a = publishedFor(ceId);
        assertThat(a.object().id()).isEqualTo(iri);
        assertThat(a.object().type()).isEqualTo(As2.DOCUMENT);
        assertThat(a.object().url()).isEqualTo("https://intranet.example/salles");
    }

    @Test
    void aCommunityAudienceIsKeptAndAPublicOneIsAlsoTheOrganisations() {
        String club = ConnectorFixtures.community(unique("club").toLowerCase(), "private");
        // a private community is addressed only by a registration that lists it; a public one by every registration
        GenericFixtures.register(GenericFixtures.CLIENT, "intranet", "Intranet", "none", java.util.List.of(club));
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Event","name":"Afterwork","startTime":"2026-12-01T18:00:00Z"},
                 "to":"urn:relais:community:%s","cc":["urn:relais:person:alice"]}""".formatted(club)))
                .post("/api/connectors/generic/events").then().statusCode(202);
        Activity a = publishedFor(ceId);
        // a private community is addressed to its members only
        assertThat(a.to()).containsExactly(Iri.community(club));
        assertThat(a.cc()).containsExactly("urn:relais:person:alice");
        assertThat(a.object().id()).isEqualTo("urn:relais:external:generic.intranet:" + ceId);

        String open = ConnectorFixtures.community(unique("open").toLowerCase(), "public");
        String toPublic = unique("ce");
        asIntranet().body(cloudEvent(toPublic, """
                {"type":"Create","object":{"type":"Note","name":"Afterwork"},"to":"urn:relais:community:%s"}""".formatted(open)))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(toPublic).cc()).containsExactly(Audience.ORGANISATION);
    }

    /**
     * A community feed-service never announced does not exist: whoever created that slug later would own the card.
     * Refused like any other bad address, naming the field; nothing is published.
     */
    @Test
    void anActivityToACommunityThatDoesNotExistIsRefusedNamingTheField() {
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","name":"Chiffres du trimestre"},
                 "to":"urn:relais:community:never-created-club"}"""))
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("data.to"))
                .body("errors.message", hasItems("names no community: 'never-created-club' was never created in Relais, "
                        + "or is private or secret and not listed in the registration's communities"));
        nothingPublishedFor(ceId);
    }

    /** Likewise a person profile-service never announced, addressed or mentioned: a later hire with that login is not them. */
    @Test
    void anActivityAddressedToOrMentioningNobodyKnownIsRefusedNamingTheField() {
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","name":"Bilan","tag":[{"type":"Mention","name":"@not-hired-yet"}]},
                 "to":"urn:relais:audience:organisation","cc":["urn:relais:person:nobody-yet"]}"""))
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("data.cc[0]", "data.object.tag[0]"))
                .body("errors.message", hasItems("names no active Relais person: 'nobody-yet'",
                        "mentions no active Relais person: 'not-hired-yet'"));
        nothingPublishedFor(ceId);
    }

    @Test
    void aBrokenCloudEventListsEveryViolation() {
        asIntranet().body("""
                {"specversion":"0.3","source":"/intranet","type":"x",
                 "data":{"type":"Create","object":{"type":"Note","name":42,"url":"javascript:alert(1)"},"to":"https://elsewhere.example/x"}}""")
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("specversion", "id", "data.object.name", "data.object.url", "data.to"));
        asIntranet().contentType("application/activity+json").header("ce-specversion", "1.0")
                .body("{\"type\":\"Create\"}")
                .post("/api/connectors/generic/events").then().statusCode(400)
                .body("errors.field", hasItems("ce-id", "ce-type", "ce-source", "data.object"));
    }

    @Test
    void aBatchOfCloudEventsIsPublishedInOneCall() {
        String a = unique("ce"), b = unique("ce");
        String note = """
                {"type":"Create","object":{"type":"Note","content":"lot %s"}}""";
        asIntranet().contentType("application/cloudevents-batch+json; charset=UTF-8")
                .body("[" + cloudEvent(a, note.formatted(a)) + "," + cloudEvent(b, note.formatted(b)) + "]")
                .post("/api/connectors/generic/events/batch").then().statusCode(200)
                .body("published", equalTo(2)).body("results.receiptId", hasItems("generic:" + a, "generic:" + b));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning("lot " + a))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning("lot " + b))).hasSize(1);
    }

    /** A batch sent to the single endpoint is told where batches go (it was read as an hr/crm/ecm envelope). */
    @Test
    void aBatchSentToTheSingleEndpointIsToldWhereBatchesGo() {
        String a = unique("ce");
        asIntranet().contentType("application/cloudevents-batch+json")
                .body("[" + cloudEvent(a, "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"content\":\"x\"}}") + "]")
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("Content-Type"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("/api/connectors/generic/events/batch"));
        nothingPublishedFor(a);
    }

    @Test
    void aResendIsTheSameActivityAndPublishesNothingNew() {
        String ceId = unique("ce");
        String event = cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","content":"une fois"}}""");
        String first = asIntranet().body(event).post("/api/connectors/generic/events").then().statusCode(202)
                .extract().path("activityId");
        asIntranet().body(event).post("/api/connectors/generic/events").then().statusCode(200)
                .body("activityId", equalTo(first));
        assertThat(publishedFor(ceId).id()).isEqualTo(first);
    }
}
