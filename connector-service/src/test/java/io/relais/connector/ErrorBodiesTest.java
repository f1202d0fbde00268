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
import java.util.List;
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
        cases.put("crm: 1e400 as the amount", () -> post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("125000.50", "1e400")));
        cases.put("hr: 1e30 years of service", () -> post(asHr(), "hr", anniversary(unique("wd"), "1e30")));
        cases.put("hr: a bad date-time", () -> post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave")
                .replace("2026-11-22T09:30:00Z", "yesterday")));
        cases.put("generic: 1e400 as a size", () -> post(asIntranet(), "generic", cloudEvent(unique("e"),
                "{\"type\":\"Create\",\"object\":{\"type\":\"Document\",\"name\":\"x\",\"size\":1e400}}")));
        cases.put("batch: not an array", () -> asHr().body("{}").post("/api/connectors/hr/events/batch"));
        cases.put("unknown source", () -> post(asHr(), "payroll", "{}"));

        cases.forEach((name, call) -> {
            Response r = call.get();
            String body = r.asString();
            assertThat(r.statusCode()).as(name + ": " + body).isBetween(400, 499);
            assertThat(r.contentType()).as(name).startsWith("application/problem+json");
            assertThat(body).as(name).doesNotContain("com.fasterxml", "java.", "Exception", "jackson", "StreamReadConstraints",
                    "Node", " found, ", "pattern must be", "(rule:");
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

    private static String anniversary(String eventId, String years) {
        return """
                {"eventType":"employee.anniversary","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"dave","years":%s}}""".formatted(eventId, years);
    }

    private static String dateTime() {
        return "must be an RFC 3339 date-time with an offset, e.g. 2026-11-22T09:30:00Z";
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static List<Map<String, String>> errors(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.jsonPath().getList("errors");
    }

    /**
     * Each rule an event's JSON Schema holds is told in one sentence naming the field: never the validator's own
     * text ("does not match the date-time pattern must be a valid RFC 3339 date-time", "string found, number
     * expected" for 1e400, which is a number).
     */
    @Test
    void eachBrokenSchemaRuleIsOneSentenceAPartnerCanActOn() {
        Response badDate = post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave").replace("2026-11-22T09:30:00Z", "yesterday"));
        assertThat(errors(badDate)).containsExactly(error("occurredAt", dateTime()));
        assertThat(badDate.jsonPath().getString("detail")).isEqualTo("occurredAt " + dateTime());

        Response huge = post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("125000.50", "1e400"));
        // a number (not "string found"), and told the amount's bound (NumberBoundsTest)
        assertThat(errors(huge)).containsExactly(error("data.amount", "must be at most 999999999999999"));

        assertThat(errors(post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave").replace("\"login\":\"dave\"", "\"login\":42"))))
                .containsExactly(error("data.login", "must be a string, not a number"));
        assertThat(errors(post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("125000.50", "\"125000.50\""))))
                .containsExactly(error("data.amount", "must be a number, not a string"));
        assertThat(errors(post(asHr(), "hr", anniversary(unique("wd"), "1.5"))))
                .containsExactly(error("data.years", "must be a whole number, not 1.5"));
        // once a 500: the validator converted 1e30 to a long to compare it with maximum 70
        assertThat(errors(post(asHr(), "hr", anniversary(unique("wd"), "1e30")))).containsExactly(error("data.years", "must be at most 70"));

        assertThat(errors(post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("Renouvellement flotte", "x".repeat(121)))))
                .containsExactly(error("data.name", "must be at most 120 characters (this one has 121)"));
        assertThat(errors(post(asClient("crm-connector"), "crm",
                ConnectorFixtures.deal("opportunity.won", unique("sf"), null).replace("\"EUR\"", "\"euros\""))))
                .containsExactly(error("data.currency", "must be an ISO 4217 currency code: three capital letters, e.g. EUR"));

        assertThat(errors(post(asHr(), "hr", ConnectorFixtures.hire(unique("wd"), "dave")
                .replace("\"email\":\"dave@relais.example\",", "").replace("\"startDate\"", "\"salary\":100000,\"startDate\""))))
                .containsExactly(error("data.email", "is required"), error("data.salary",
                        "is not a known field; known fields are department, displayName, email, location, login, manager, startDate, title"));

        assertThat(errors(post(asHr(), "hr", """
                {"eventType":"employee.promoted","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z","data":{}}""".formatted(unique("wd")))))
                .containsExactly(error("eventType", "must be one of employee.hired, employee.moved, employee.left, "
                        + "employee.anniversary (the event types of source hr)"));

        // two rules broken by one value: two sentences
        assertThat(errors(post(asClient("ecm-connector"), "ecm",
                ConnectorFixtures.document("document.published", unique("sp"), "DOC-1", null)
                        .replace("https://docs.relais.example/d/DOC-1", "ftp x"))))
                .containsExactly(error("data.url", "must be an absolute URI, e.g. https://docs.example.com/d/DOC-42"),
                        error("data.url", "must start with http:// or https:// and a host"));
    }

    /** A batch tells each event's violations under its index, in the same sentences as a single event. */
    @Test
    void aBatchNamesTheIndexOfTheBadEventWithTheSameSentences() {
        Supplier<String> deal = () -> ConnectorFixtures.deal("opportunity.won", unique("sf"), null);
        String bad = deal.get().replace("2026-11-22T10:00:00Z", "yesterday").replace("125000.50", "1e400");
        Response r = asClient("crm-connector").body("[" + deal.get() + "," + deal.get() + "," + deal.get() + "," + bad + "]")
                .post("/api/connectors/crm/events/batch");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.jsonPath().getList("results.outcome")).containsExactly("published", "published", "published", "rejected");
        assertThat(r.jsonPath().getInt("results[3].index")).isEqualTo(3);
        assertThat(r.jsonPath().<Map<String, String>>getList("results[3].errors")).containsExactly(error("[3].occurredAt", dateTime()),
                error("[3].data.amount", "must be at most 999999999999999"));
    }

    /**
     * The generic lane has no JSON Schema (it reads AS2 itself), but says a date-time the same way, for the
     * CloudEvent's {@code time} and the activity's {@code published}, alone and in a batch.
     */
    @Test
    void theGenericLaneSaysADateTimeInTheSameWords() {
        String activity = "{\"type\":\"Create\",\"published\":\"yesterday\",\"object\":{\"type\":\"Note\",\"name\":\"x\"}}";
        String event = cloudEvent(unique("e"), activity).replace("\"specversion\"", "\"time\":\"yesterday\",\"specversion\"");
        assertThat(errors(post(asIntranet(), "generic", event)))
                .containsExactly(error("time", dateTime()), error("data.published", dateTime()));
        String fine = cloudEvent(unique("e"), "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":\"x\"}}");
        Response batch = asIntranet().contentType("application/cloudevents-batch+json; charset=UTF-8")
                .body("[" + fine + "," + fine.replace("\"id\":\"", "\"id\":\"2") + ","
                        + fine.replace("\"id\":\"", "\"id\":\"3") + "," + event + "]")
                .post("/api/connectors/generic/events/batch");
        assertThat(batch.statusCode()).as(batch.asString()).isEqualTo(200);
        assertThat(batch.jsonPath().<Map<String, String>>getList("results[3].errors"))
                .containsExactly(error("[3].time", dateTime()), error("[3].data.published", dateTime()));
    }
}
