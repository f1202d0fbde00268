package io.relais.connector.ingest;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.relais.connector.source.SourceType;
import io.relais.events.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence a partner reads for each rule of an event's JSON Schema ({@link SchemaMessages}), checked on the
 * reader itself (no server): one sentence per broken rule, the field named as in every problem+json of Relais, the
 * rule in plain words, and nothing of the validator's own English or of Java.
 */
class SchemaMessagesTest {

    private static final String HIRE_DATA = """
            "login":"dave","displayName":"Dave Martin","email":"dave@relais.example","title":"Data engineer",
            "department":"Data","startDate":"2026-12-01\"""";
    private static final String DEAL_DATA = """
            "opportunityId":"OPP-1","name":"Renouvellement flotte","account":"Transports Lemoine","amount":125000.50,
            "currency":"EUR","owner":"bob\"""";

    private final EventReader reader = reader();

    private static EventReader reader() {
        EventReader reader = new EventReader();
        reader.schemas = new EventSchemas();
        return reader;
    }

    private List<Violation> violations(SourceType source, String eventType, String envelope, String data) {
        return violations(source, "{\"eventType\":\"" + eventType + "\",\"eventId\":\"e-1\",\"occurredAt\":\"2026-11-22T09:30:00Z\""
                + envelope + ",\"data\":{" + data + "}}", "");
    }

    private List<Violation> violations(SourceType source, String json, String prefix) {
        try {
            return reader.read(source, EventReader.parse(json.getBytes(StandardCharsets.UTF_8)), prefix).violations();
        } catch (EventReader.InvalidJson e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private List<Violation> hire(String data) {
        return violations(SourceType.HR, "employee.hired", "", data);
    }

    private List<Violation> deal(String data) {
        return violations(SourceType.CRM, "opportunity.won", "", data);
    }

    private static Violation v(String field, String message) {
        return new Violation(field, message);
    }

    @Test
    void aDateTimeThatIsNotOneIsToldWithAnExample() {
        assertThat(violations(SourceType.HR, "{\"eventType\":\"employee.hired\",\"eventId\":\"e-1\",\"occurredAt\":\"yesterday\","
                + "\"data\":{" + HIRE_DATA + "}}", ""))
                .containsExactly(v("occurredAt", "must be an RFC 3339 date-time with an offset, e.g. 2026-11-22T09:30:00Z"));
        assertThat(hire(HIRE_DATA.replace("2026-12-01", "2026-13-45")))
                .containsExactly(v("data.startDate", "must be an RFC 3339 date (year-month-day), e.g. 2026-12-01"));
    }

    /**
     * {@code 1e400} is a JSON number a double cannot hold. It used to be read as Infinity, written back as the
     * string "Infinity", and told as "string found, number expected". Every number of the shipped schemas is
     * bounded now, so what the partner reads of it is the bound; a number outside the range of a double where no
     * schema bounds it is still told as such, quoting it.
     */
    @Test
    void aNumberBeyondTheRangeOfADoubleIsToldAsSuchQuotingIt() throws EventReader.InvalidJson {
        assertThat(EventReader.outOfRange(EventReader.parse("{\"data\":{\"amount\":1e400}}".getBytes(StandardCharsets.UTF_8)), List.of()))
                .containsExactly(v("data.amount", "must be a number within the range of a double (1e400 is out of range)"));
        assertThat(EventReader.outOfRange(EventReader.parse("{\"data\":{\"lines\":[1,1.5E+400]}}".getBytes(StandardCharsets.UTF_8)), List.of()))
                .containsExactly(v("data.lines[1]", "must be a number within the range of a double (1.5e400 is out of range)"));
        // told without ever writing out its billion digits
        assertThat(EventReader.outOfRange(EventReader.parse("{\"data\":{\"amount\":1e999999999}}".getBytes(StandardCharsets.UTF_8)), List.of()))
                .containsExactly(v("data.amount", "must be a number within the range of a double (1e999999999 is out of range)"));
        assertThat(SchemaMessages.outOfRange(new java.math.BigDecimal("-12345678e400")))
                .isEqualTo("must be a number within the range of a double (-1.23457e407 is out of range)");
        // where the field must not be a number at all, or its bounds are broken anyway, that is the rule to fix
        assertThat(deal(DEAL_DATA.replace("125000.50", "1e400"))).containsExactly(v("data.amount", "must be at most 999999999999999"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "1e999999999")))
                .containsExactly(v("data.amount", "must be at most 999999999999999"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "1" + "0".repeat(400))))
                .containsExactly(v("data.amount", "must be at most 999999999999999"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "-1.5e400"))).containsExactly(v("data.amount", "must be at least 0"));
        assertThat(deal(DEAL_DATA.replace("\"Renouvellement flotte\"", "1e400")))
                .containsExactly(v("data.name", "must be a string, not a number"));
        assertThat(violations(SourceType.HR, "employee.anniversary", "", "\"login\":\"dave\",\"years\":1e400"))
                .containsExactly(v("data.years", "must be at most 70"));
        assertThat(violations(SourceType.HR, "{\"eventType\":\"employee.hired\",\"eventId\":\"e-1\",\"occurredAt\":"
                + "\"2026-11-22T09:30:00Z\",\"data\":{" + HIRE_DATA + "},\"schemaVersion\":1e400}", ""))
                .containsExactly(v("schemaVersion", "must be at most 99"));
    }

    /** A huge whole number in an integer field used to stop the validator (it converted it to a long). */
    @Test
    void aHugeNumberInAWholeNumberFieldIsComparedWithItsBounds() {
        assertThat(violations(SourceType.HR, "employee.anniversary", "", "\"login\":\"dave\",\"years\":1e30"))
                .containsExactly(v("data.years", "must be at most 70"));
        assertThat(violations(SourceType.ECM, "document.shared", "", """
                "documentId":"D-1","title":"T","url":"https://docs.example.com/d/1","owner":"alice",
                "targetCommunity":"rh","size":-1e30"""))
                .containsExactly(v("data.size", "must be at least 0"));
    }

    @Test
    void aValueOfTheWrongTypeIsToldWhatItMustBeAndWhatItWas() {
        assertThat(hire(HIRE_DATA.replace("\"dave\"", "42"))).containsExactly(v("data.login", "must be a string, not a number"));
        assertThat(hire(HIRE_DATA.replace("\"dave\"", "null"))).containsExactly(v("data.login", "must be a string, not null"));
        assertThat(hire(HIRE_DATA.replace("\"dave\"", "[\"dave\"]"))).containsExactly(v("data.login", "must be a string, not an array"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "\"125000.50\""))).containsExactly(v("data.amount", "must be a number, not a string"));
        assertThat(violations(SourceType.HR, "employee.anniversary", "", "\"login\":\"dave\",\"years\":1.5"))
                .containsExactly(v("data.years", "must be a whole number, not 1.5"));
        assertThat(violations(SourceType.HR, "employee.anniversary", "", "\"login\":\"dave\",\"years\":12.0")).isEmpty();
        assertThat(violations(SourceType.HR, "{\"eventType\":\"employee.hired\",\"eventId\":\"e-1\",\"occurredAt\":"
                + "\"2026-11-22T09:30:00Z\",\"data\":[]}", ""))
                .containsExactly(v("data", "must be an object, not an array"));
    }

    @Test
    void lengthsPatternsAndBoundsAreToldInWords() {
        assertThat(deal(DEAL_DATA.replace("Renouvellement flotte", "x".repeat(121))))
                .containsExactly(v("data.name", "must be at most 120 characters (this one has 121)"));
        assertThat(hire(HIRE_DATA.replace("Dave Martin", ""))).containsExactly(v("data.displayName", "must not be empty"));
        assertThat(deal(DEAL_DATA.replace("\"EUR\"", "\"eur\"")))
                .containsExactly(v("data.currency", "must be an ISO 4217 currency code: three capital letters, e.g. EUR"));
        assertThat(deal(DEAL_DATA.replace("\"bob\"", "\"Bob Martin\"")))
                .containsExactly(v("data.owner", "must be a Relais login: 1 to 64 lowercase letters, digits or . _ -, "
                        + "starting with a letter or digit, e.g. dave"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "-3"))).containsExactly(v("data.amount", "must be at least 0"));
    }

    /** Two rules broken by one value: two sentences, never one run-on text. */
    @Test
    void aFieldBreakingTwoRulesGetsOneSentencePerRule() {
        assertThat(violations(SourceType.ECM, "document.shared", "", """
                "documentId":"D-1","title":"T","url":"ftp x","owner":"alice","targetCommunity":"rh\""""))
                .containsExactly(v("data.url", "must be an absolute URI, e.g. https://docs.example.com/d/DOC-42"),
                        v("data.url", "must start with http:// or https:// and a host"));
    }

    @Test
    void aMissingFieldAndAnUnknownOneAreNamedThemselves() {
        assertThat(hire(HIRE_DATA.replace("\"email\":\"dave@relais.example\",", "")))
                .containsExactly(v("data.email", "is required"));
        assertThat(hire(HIRE_DATA + ",\"salary\":100000")).containsExactly(v("data.salary",
                "is not a known field; known fields are department, displayName, email, location, login, manager, startDate, title"));
        assertThat(violations(SourceType.HR, "employee.hired", ",\"priority\":\"high\"", HIRE_DATA)).containsExactly(v("priority",
                "is not a known field; known fields are data, eventId, eventType, occurredAt, schemaVersion, system"));
        assertThat(violations(SourceType.HR, "employee.moved", "", "\"login\":\"dave\""))
                .containsExactly(v("data", "must give at least 2 fields (this one has 1)"));
    }

    @Test
    void anUnknownEventTypeOrVersionIsToldWhatExists() {
        assertThat(violations(SourceType.HR, "employee.promoted", "", "")).containsExactly(v("eventType",
                "must be one of employee.hired, employee.moved, employee.left, employee.anniversary (the event types of source hr)"));
        assertThat(violations(SourceType.HR, "employee.hired", ",\"schemaVersion\":2", HIRE_DATA)).containsExactly(v("schemaVersion",
                "is not a version of employee.hired Relais has a schema for; leave it out for version 1"));
        assertThat(violations(SourceType.HR, "employee.hired", ",\"schemaVersion\":0", HIRE_DATA))
                .containsExactly(v("schemaVersion", "must be at least 1"));
        assertThat(violations(SourceType.HR, "{\"eventType\":\"Employee Hired\",\"eventId\":\"e 1\",\"occurredAt\":"
                + "\"2026-11-22T09:30:00Z\",\"data\":{}}", "")).containsExactly(
                v("eventType", "must be an event type: lowercase words joined by a dot, e.g. employee.hired"),
                v("eventId", "must be 1 to 128 letters, digits or . _ ~ @ + -"));
    }

    /** A batch names the event by its index, before the field. */
    @Test
    void aBatchItemsViolationsArePrefixedWithItsIndex() {
        assertThat(violations(SourceType.HR, "{\"eventType\":\"employee.hired\",\"eventId\":\"e-1\",\"occurredAt\":\"yesterday\","
                + "\"data\":{" + HIRE_DATA.replace("2026-12-01", "soon") + "}}", "[3]"))
                .containsExactly(v("[3].occurredAt", "must be an RFC 3339 date-time with an offset, e.g. 2026-11-22T09:30:00Z"),
                        v("[3].data.startDate", "must be an RFC 3339 date (year-month-day), e.g. 2026-12-01"));
    }

    /** Every pattern of the shipped schemas is told in words, not quoted as a regular expression. */
    @Test
    void everyPatternOfTheShippedSchemasHasItsSentence() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (SourceType source : SourceType.values()) {
            for (String type : source.eventTypes()) patterns.addAll(patterns(read("schemas/" + source.id() + "/" + type + ".v1.json")));
        }
        patterns.addAll(patterns(read("schemas/envelope.v1.json")));
        assertThat(patterns).hasSizeGreaterThan(10);
        assertThat(patterns).allSatisfy(p -> assertThat(SchemaMessages.knowsPattern(p)).as(p).isTrue());
    }

    /**
     * Every number of every shipped schema has both ends of its range, and a fractional one a number of decimals:
     * an unbounded one ({@code "amount": 1e300}) was published as a card with a 301-digit amount.
     */
    @Test
    void everyNumberOfTheShippedSchemasIsBounded() throws IOException {
        List<String> numbers = new ArrayList<>();
        for (SourceType source : SourceType.values()) {
            for (String type : source.eventTypes()) {
                read("schemas/" + source.id() + "/" + type + ".v1.json").path("properties").properties().forEach(p -> {
                    String kind = p.getValue().path("type").asString("");
                    if (!kind.equals("number") && !kind.equals("integer")) return;
                    String field = source.id() + " " + type + " data." + p.getKey();
                    numbers.add(field);
                    assertThat(p.getValue().has("minimum") || p.getValue().has("exclusiveMinimum")).as(field + " has a lower bound").isTrue();
                    assertThat(p.getValue().has("maximum") || p.getValue().has("exclusiveMaximum")).as(field + " has an upper bound").isTrue();
                    if (kind.equals("number")) assertThat(p.getValue().has("multipleOf")).as(field + " has a number of decimals").isTrue();
                });
            }
        }
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(9);
        assertThat(read("schemas/envelope.v1.json").path("properties").path("schemaVersion").has("maximum")).isTrue();
    }

    /** An amount: at most 999999999999999 (below 10^15), at most 4 decimals (the most any currency has); both ends accepted. */
    @Test
    void anAmountIsToldItsBoundAndItsDecimals() {
        assertThat(deal(DEAL_DATA.replace("125000.50", "1e300"))).containsExactly(v("data.amount", "must be at most 999999999999999"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "999999999999999.5")))
                .containsExactly(v("data.amount", "must be at most 999999999999999"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "0.00001")))
                .containsExactly(v("data.amount", "must have at most 4 decimal places (this one has 5)"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "-0.00001")))
                .containsExactly(v("data.amount", "must be at least 0"), v("data.amount", "must have at most 4 decimal places (this one has 5)"));
        assertThat(deal(DEAL_DATA.replace("125000.50", "999999999999999"))).isEmpty();
        assertThat(deal(DEAL_DATA.replace("125000.50", "0.0001"))).isEmpty();
        assertThat(deal(DEAL_DATA.replace("125000.50", "0.1"))).isEmpty();
        assertThat(deal(DEAL_DATA.replace("125000.50", "0.3"))).isEmpty();
        assertThat(deal(DEAL_DATA.replace("125000.50", "99999999999.9999"))).isEmpty();
        assertThat(deal(DEAL_DATA.replace("125000.50", "0"))).isEmpty();
    }

    /** Rules no shipped schema uses yet still have their sentence (a schema may use them tomorrow). */
    @Test
    void everyOtherRuleHasASentenceOfItsOwn() {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())).getSchema("""
                {"type":"object","properties":{
                  "status":{"enum":["open","won","lost"]}, "kind":{"const":"deal"},
                  "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":2,"uniqueItems":true},
                  "ratio":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1,"multipleOf":0.25},
                  "at":{"type":"string","format":"time"}, "note":{"type":["string","null"]},
                  "site":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}}""",
                InputFormat.JSON);
        JsonNode instance = JsonMapper.builder().build().readTree("""
                {"status":"pending","kind":"lead","tags":["a","b","a"],"ratio":1.1,"at":"noon","note":3,
                 "site":{"city":"Lyon"}}""");
        List<Violation> out = new ArrayList<>();
        schema.validate(instance).forEach(e -> out.add(SchemaMessages.violation(e,
                EventSchemas.fieldPath(e.getInstanceLocation().toString(), "data"), schema.getSchemaNode())));
        assertThat(out).containsExactlyInAnyOrder(
                v("data.status", "must be one of open, won, lost"),
                v("data.kind", "must be deal"),
                v("data.tags", "must hold at most 2 items (this one has 3)"),
                v("data.tags", "must not hold the same item twice"),
                v("data.ratio", "must be less than 1"),
                v("data.ratio", "must be a multiple of 0.25"),
                v("data.at", "must be an RFC 3339 time with an offset, e.g. 09:30:00Z"),
                v("data.note", "must be a string or null, not a number"),
                v("data.site.name", "is required"),
                v("data.site.city", "is not a known field; known fields are name"));
        assertThat(out).extracting(Violation::message).allSatisfy(m -> assertThat(m)
                .doesNotContain("found", "expected", "pattern must", "rule:", "Node", "java", "Exception"));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static List<String> patterns(JsonNode schema) {
        List<String> out = new ArrayList<>();
        schema.path("properties").forEach(p -> {
            if (p.has("pattern")) out.add(p.get("pattern").asString());
        });
        return out;
    }
}
