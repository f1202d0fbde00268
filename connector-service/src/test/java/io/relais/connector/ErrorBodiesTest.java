package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.asIntranet;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * Whatever a business system sends wrong, the answer is a 4xx problem+json that names the field and the rule in
 * words, and never quotes Java or Jackson internals (class names, exception names, parser settings).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ErrorBodiesTest {

    @BeforeEach
    void registerTheIntranet() {
        ConnectorFixtures.knownWorld();
        GenericFixtures.registerTheIntranet();
    }

    private static Response post(RequestSpecification spec, String source, String body) {
        return spec.body(body).post("/api/connectors/" + source + "/events");
    }

    @Test
    void errorBodiesNeverQuoteJavaOrJacksonInternals() {
        String deep = "[".repeat(200) + "]".repeat(200);
        Map<String, Supplier<Response>> cases = new LinkedHashMap<>();
        cases.put("not JSON", () -> post(asIntranet(), "generic", "{\"specversion\":"));
        cases.put("empty body", () -> post(asIntranet(), "generic", ""));
        cases.put("nested 200 deep", () -> post(asIntranet(), "generic", deep));
        cases.put("nested 200 deep in data", () -> post(asIntranet(), "generic", cloudEvent(unique("e"), "{\"type\":\"Create\",\"object\":" + deep + "}")));
        cases.put("a number as the CloudEvent id", () -> post(asIntranet(), "generic",
                "{\"specversion\":\"1.0\",\"id\":123,\"source\":\"/x\",\"type\":\"t\",\"data\":{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":\"x\"}}}"));
        cases.put("a number as a name", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":123}}")));
        cases.put("a boolean as content", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"content\":true}}")));
        cases.put("an array as a summary", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"summary\":[\"a\"]}}")));
        cases.put("an object as the type", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":{\"x\":1},\"object\":{\"type\":\"Note\",\"name\":\"x\"}}")));
        cases.put("a number as an address", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":\"x\"},\"to\":[42]}")));
        cases.put("a string as a size", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Document\",\"name\":\"x\",\"size\":\"12\"}}")));
        cases.put("a bad date", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"published\":\"yesterday\",\"object\":{\"type\":\"Note\",\"name\":\"x\"}}")));
        cases.put("binary mode, not JSON", () -> asIntranet().contentType("application/activity+json")
                .header("ce-specversion", "1.0").header("ce-id", unique("e")).header("ce-source", "/x").header("ce-type", "t")
                .body("<html/>").post("/api/connectors/generic/events"));
        cases.put("hr: a number as the login", () -> post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave")
                .replace("\"login\":\"dave\"", "\"login\":42")));
        cases.put("hr: a boolean as the event id", () -> post(asHr(), "hr", ConnectorFixtures.hire("x", "dave")
                .replace("\"eventId\":\"x\"", "\"eventId\":true")));
        cases.put("hr: not JSON", () -> post(asHr(), "hr", "{\"eventType\": employee.hired}"));
        cases.put("hr: nested 200 deep", () -> post(asHr(), "hr", deep));
        cases.put("crm: a string as the amount", () -> post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("125000.50", "\"125000.50\"")));
        cases.put("batch: not an array", () -> asHr().body("{}").post("/api/connectors/hr/events/batch"));
        cases.put("unknown source", () -> post(asHr(), "payroll", "{}"));

        cases.forEach((name, call) -> {
            Response r = call.get();
            String body = r.asString();
            assertThat(r.statusCode()).as(name + ": " + body).isBetween(400, 499);
            assertThat(r.contentType()).as(name).startsWith("application/problem+json");
            assertThat(body).as(name).doesNotContain("com.fasterxml", "java.", "Exception", "jackson", "StreamReadConstraints");
        });
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingItsField() {
        post(asIntranet(), "generic", cloudEvent(unique("e"), "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":123}}"))
                .then().statusCode(400).body("errors.field", hasItem("data.object.name"))
                .body("errors.message", hasItem("must be a string, not a number"));
        post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave").replace("\"login\":\"dave\"", "\"login\":42"))
                .then().statusCode(400).body("errors.field", hasItem("data.login"));
    }

    /** A typo in a registration must not quietly fall back to a default (the audience, how people are matched). */
    @Test
    void aRegistrationWithAFieldItDoesNotKnowIsRefusedNamingItAndTheKnownFields() {
        ConnectorFixtures.asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"community:sales","system":"salesforce","systemName":"Salesforce",
                 "peopel":"email"}""")
                .put("/api/connectors/registrations/" + unique("crm")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("peopel"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo(
                        "is not a known field; known fields are communities, defaultAudience, people, sources, system, systemName"))
                .body("detail", org.hamcrest.Matchers.startsWith("peopel is not a known field"));
    }

    @Test
    void anEventGivingAFieldTwiceIsRefusedNamingItAndBrokenJsonIsToldInWords() {
        String id = unique("wd");
        post(asHr(), "hr", ConnectorFixtures.hire(id, "dave").replace("\"eventId\":\"" + id + "\"",
                "\"eventId\":\"" + id + "\",\"eventId\":\"" + unique("wd") + "\""))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("gives the field eventId twice"));
        post(asHr(), "hr", "{\"eventType\": \"employee.hired\"").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("is not valid JSON: it ends before the object is closed (line 1,"));
    }
}
