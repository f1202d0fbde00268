package io.relais.connector;

import io.relais.events.EventId;
import io.relais.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Small builders for connector tests: tokens, events, and an exact read of what is on a topic. */
public final class ConnectorFixtures {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private ConnectorFixtures() {
    }

    public static RequestSpecification asClient(String clientId) {
        return given().auth().oauth2(TestTokens.client(clientId, "connector")).contentType("application/json");
    }

    public static RequestSpecification asHr() {
        return asClient("hr-connector");
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.user("carol", "employee", "admin")).contentType("application/json");
    }

    public static String unique(String prefix) {
        return prefix + "-" + EventId.next().substring(24);
    }

    /** An HR hire with every required field, for a fresh login. */
    public static String hire(String eventId, String login) {
        return """
                {"eventType":"employee.hired","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"%s","displayName":"Dave Martin","email":"%s@relais.example","title":"Data engineer",
                         "department":"Data","manager":"carol","location":"Lyon","startDate":"2026-12-01"}}"""
                .formatted(eventId, login, login);
    }

    public static String deal(String type, String eventId, String team) {
        return """
                {"eventType":"%s","eventId":"%s","occurredAt":"2026-11-22T10:00:00Z","system":"salesforce",
                 "data":{"opportunityId":"OPP-%s","name":"Renouvellement flotte","account":"Transports Lemoine",
                         "amount":125000.50,"currency":"EUR","owner":"bob"%s}}"""
                .formatted(type, eventId, eventId, team == null ? "" : ",\"team\":\"" + team + "\"");
    }

    public static String document(String type, String eventId, String documentId, String community) {
        return """
                {"eventType":"%s","eventId":"%s","occurredAt":"2026-11-22T11:00:00Z",
                 "data":{"documentId":"%s","title":"Politique de télétravail 2027","summary":"Nouvelles règles",
                         "url":"https://docs.relais.example/d/%s","mimeType":"application/pdf","size":48213,
                         "folder":"/RH/Politiques","owner":"alice"%s}}"""
                .formatted(type, eventId, documentId, documentId,
                        community == null ? "" : ",\"targetCommunity\":\"" + community + "\"");
    }

    public static Predicate<ConsumerRecord<String, String>> mentioning(String text) {
        return r -> r.value() != null && r.value().contains(text);
    }
}
