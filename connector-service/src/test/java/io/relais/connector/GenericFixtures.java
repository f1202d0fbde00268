package io.relais.connector;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/** The generic source in tests: a registered intranet, CloudEvents around AS2 activities, and what reached Kafka. */
final class GenericFixtures {

    static final String CLIENT = "intranet-connector";
    static final String GENERATOR = "urn:relais:source:generic.intranet";

    private GenericFixtures() {
    }

    /** Registers (or re-registers) a client for the generic source, matching people as given. */
    static void register(String clientId, String system, String systemName, String people) {
        register(clientId, system, systemName, people, List.of());
    }

    /** The same, listing the private or secret communities (slugs) the system may address. */
    static void register(String clientId, String system, String systemName, String people, List<String> communities) {
        String listed = communities.stream().map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(","));
        asAdmin().body("""
                {"sources":["generic"],"defaultAudience":"organisation","system":"%s","systemName":"%s","people":"%s",
                 "communities":[%s]}""".formatted(system, systemName, people, listed))
                .put("/api/connectors/registrations/" + clientId).then().statusCode(anyOf(equalTo(200), equalTo(201)))
                .body("communities", equalTo(communities));
    }

    static void registerTheIntranet() {
        register(CLIENT, "intranet", "Intranet", "none");
    }

    static RequestSpecification asIntranet() {
        return asGeneric(CLIENT);
    }

    static RequestSpecification asGeneric(String clientId) {
        return given().auth().oauth2(TestTokens.client(clientId, "connector"))
                .contentType("application/cloudevents+json; charset=UTF-8");
    }

    /** A structured-mode CloudEvent around an activity. */
    static String cloudEvent(String ceId, String activityJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"/intranet/news","type":"com.example.intranet.published",
                 "datacontenttype":"application/activity+json","data":%s}""".formatted(ceId, activityJson);
    }

    /** The one activity published for a CloudEvent (its id is the card's {@code sourceEventId}). */
    static Activity publishedFor(String ceId) {
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning("\"" + ceId + "\""));
        assertThat(records).hasSize(1);
        assertThat(KafkaProbe.header(records.get(0), "ce_source")).startsWith("/connectors/generic/");
        return ActivityJson.read(records.get(0).value());
    }

    /** Nothing at all reached the activity log for this CloudEvent. */
    static void nothingPublishedFor(String ceId) {
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(ceId))).isEmpty();
    }
}
