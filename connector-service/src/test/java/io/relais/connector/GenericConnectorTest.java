package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.EventId;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The generic source: native CloudEvents over HTTP (structured and binary) carrying AS2 activities. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class GenericConnectorTest {

    static final String CLIENT = "intranet-connector";

    @BeforeEach
    void registerTheIntranet() {
        asAdmin().body("""
                {"sources":["generic"],"defaultAudience":"organisation","system":"intranet","systemName":"Intranet"}""")
                .put("/api/connectors/registrations/" + CLIENT).then().statusCode(org.hamcrest.Matchers.anyOf(
                        equalTo(200), equalTo(201)));
    }

    static io.restassured.specification.RequestSpecification asIntranet() {
        return given().auth().oauth2(TestTokens.client(CLIENT, "connector"));
    }

    static String structured(String ceId, String activityJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"/intranet/news","type":"relais.activity.test",
                 "datacontenttype":"application/activity+json","data":%s}""".formatted(ceId, activityJson);
    }

    static Activity onlyRecord(String marker) {
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(marker));
        assertThat(records).hasSize(1);
        assertThat(KafkaProbe.header(records.get(0), "ce_source")).isEqualTo("/connectors/generic/intranet");
        return ActivityJson.read(records.get(0).value());
    }

    static String idOf(String activityJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(activityJson).get("id").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void severalActivityTypesArriveAsStructuredCloudEvents() {
        String post = "urn:relais:post:" + EventId.next();
        String[] activities = {
                // a note with no audience: the registration's default (organisation) is applied
                """
                {"type":"Create","id":"urn:relais:activity:%s","actor":"urn:relais:person:carol",
                 "object":{"type":"Note","id":"%s","content":"<p>Inscriptions ouvertes</p>","attributedTo":"urn:relais:person:carol"}}"""
                        .formatted(EventId.next(), post),
                """
                {"type":"Announce","id":"urn:relais:activity:%s","actor":"urn:relais:person:bob","object":"%s",
                 "to":["urn:relais:community:sales"]}""".formatted(EventId.next(), post),
                """
                {"type":"Like","id":"urn:relais:activity:%s","actor":"urn:relais:person:alice","object":"%s","target":"%s",
                 "relais":{"reaction":"celebrate"},"to":["urn:relais:audience:organisation"]}""".formatted(EventId.next(), post, post),
                """
                {"type":"Update","id":"urn:relais:activity:%s","actor":"urn:relais:person:carol",
                 "object":{"type":"Document","id":"urn:relais:document:%s","name":"Règlement","url":"https://intranet.example/r.pdf"},
                 "to":["urn:relais:audience:organisation"]}""".formatted(EventId.next(), unique("doc"))};
        String[] expectedTypes = {"Create", "Announce", "Like", "Update"};
        for (int i = 0; i < activities.length; i++) {
            String ceId = unique("ce");
            asIntranet().contentType("application/cloudevents+json; charset=UTF-8").body(structured(ceId, activities[i]))
                    .post("/api/connectors/generic/events").then().statusCode(202)
                    .body("receiptId", equalTo("generic:" + ceId)).body("status", equalTo("published"));
            Activity a = onlyRecord(idOf(activities[i]));
            assertThat(a.type()).isEqualTo(expectedTypes[i]);
            assertThat(a.generator().name()).isEqualTo("Intranet");
            if (i == 0) assertThat(a.to()).containsExactly(Audience.ORGANISATION);
        }
    }

    @Test
    void aDeleteArrivesAsABinaryCloudEvent() {
        String ceId = unique("ce");
        String activityId = "urn:relais:activity:" + EventId.next();
        String post = "urn:relais:post:" + EventId.next();
        asIntranet().contentType("application/activity+json")
                .header("ce-specversion", "1.0").header("ce-id", ceId).header("ce-source", "/intranet/news")
                .header("ce-type", "relais.activity.delete")
                .body("""
                        {"type":"Delete","id":"%s","actor":"urn:relais:person:carol","published":"2026-11-22T12:00:00Z",
                         "object":{"type":"Tombstone","id":"%s","formerType":"Note","deleted":"2026-11-22T12:00:00Z"},
                         "to":["urn:relais:audience:organisation"]}""".formatted(activityId, post))
                .post("/api/connectors/generic/events").then().statusCode(202).body("activityId", equalTo(activityId));
        Activity a = onlyRecord(activityId);
        assertThat(a.type()).isEqualTo("Delete");
        assertThat(a.object().formerType()).isEqualTo("Note");
    }

    @Test
    void aBrokenCloudEventListsEveryViolation() {
        asIntranet().contentType("application/cloudevents+json; charset=UTF-8").body("""
                {"specversion":"0.3","source":"/intranet","type":"x",
                 "data":{"type":"Shout","actor":"not an iri","object":{"id":"urn:relais:post:1"}}}""")
                .post("/api/connectors/generic/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("specversion", "id", "data.id", "data.type", "data.actor"));
        asIntranet().contentType("application/activity+json").header("ce-specversion", "1.0")
                .body("{\"type\":\"Like\"}")
                .post("/api/connectors/generic/events").then().statusCode(400)
                .body("errors.field", hasItems("ce-id", "ce-type", "ce-source", "data.actor"));
    }

    @Test
    void aBatchOfCloudEventsIsPublishedInOneCall() {
        String a = unique("ce"), b = unique("ce");
        String note = """
                {"type":"Create","id":"urn:relais:activity:%s","actor":"urn:relais:person:bob",
                 "object":{"type":"Note","id":"urn:relais:post:%s","content":"lot %s"}}""";
        asIntranet().contentType("application/cloudevents-batch+json; charset=UTF-8")
                .body("[" + structured(a, note.formatted(EventId.next(), EventId.next(), a)) + ","
                        + structured(b, note.formatted(EventId.next(), EventId.next(), b)) + "]")
                .post("/api/connectors/generic/events/batch").then().statusCode(200)
                .body("published", equalTo(2)).body("results.receiptId", hasItems("generic:" + a, "generic:" + b));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning("lot " + a))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning("lot " + b))).hasSize(1);
    }
}
