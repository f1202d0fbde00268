package io.relais.connector.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.relais.connector.source.EventTime;
import io.relais.connector.source.InboundEvent;
import io.relais.connector.source.SourceType;
import io.relais.events.JsonSyntax;
import io.relais.events.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses and validates hr/crm/ecm events: the envelope schema, then the event type's data schema. */
@ApplicationScoped
public class EventReader {

    /**
     * A number as sent: the double it always was, unless a double cannot hold it ({@code 1e400}); that one stays
     * exact, so that the event's JSON still says what was sent. Read as a double it became Infinity, which the
     * event's JSON then wrote as the string {@code "Infinity"}: the schema check told the partner "string found"
     * for a number. {@link #outOfRange} refuses it, quoting it.
     */
    private static final JsonNodeFactory NUMBERS_AS_SENT = new JsonNodeFactory() {
        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (v == null) return nullNode();
            double d = v.doubleValue();
            return Double.isInfinite(d) ? super.numberNode(v) : DoubleNode.valueOf(d);
        }
    };

    /** A field given twice is refused, as in every other request body (the second would silently win otherwise). */
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(NUMBERS_AS_SENT);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    @Inject
    EventSchemas schemas;

    /** Either an event or every rule it breaks. */
    public record Read(InboundEvent event, List<Violation> violations, String eventType, String eventId) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * Parses a body as JSON, at most 32 levels deep. The error says where the JSON breaks, in words: never a
     * parser's class names or internals.
     */
    public static JsonNode parse(byte[] body) throws InvalidJson {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) throw new InvalidJson("is empty: a JSON document is expected");
            return node;
        } catch (StreamConstraintsException e) {
            throw new InvalidJson("nests too deeply or holds too long a value (at most 32 levels of objects and arrays)");
        } catch (JsonProcessingException e) {
            throw new InvalidJson(JsonSyntax.duplicateField(e).map(field -> "gives the field " + field + " twice")
                    .orElseGet(() -> "is not valid JSON: " + JsonSyntax.describe(e)));
        } catch (IOException e) {
            throw new InvalidJson("could not be read");
        }
    }

    /** Thrown when the body is not JSON at all. */
    public static class InvalidJson extends Exception {
        public InvalidJson(String message) {
            super(message);
        }
    }

    /**
     * How far ahead of Relais' clock an {@code occurredAt} may be: clocks of business systems drift by seconds, not
     * minutes; a later date would put a card above everything real in every feed until that date.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._~@+-]{1,128}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+\\.[a-z]+");

    /**
     * Cleans the event's partner text, then checks it against the envelope and data schemas. The cleaned event is
     * written as JSON once: that text is both what the validator reads and what the event keeps (dead letters).
     *
     * @param pathPrefix prefix of violation paths ({@code ""}, or {@code "[3]"} for a batch item)
     */
    public Read read(SourceType source, JsonNode node, String pathPrefix) {
        String eventType = node.path("eventType").isTextual() ? node.get("eventType").asText() : null;
        String eventId = node.path("eventId").isTextual() && EVENT_ID.matcher(node.get("eventId").asText()).matches()
                ? node.get("eventId").asText() : null;
        if (!node.isObject()) {
            return new Read(null, List.of(new Violation(pathPrefix.isEmpty() ? "$" : pathPrefix, "must be a JSON object (an event)")), null, null);
        }
        List<Violation> violations = new ArrayList<>();
        if (node.path("data").isObject()) {
            // partner text is text: cleaned (TextHygiene) before the schema sees it; pages escape it
            PartnerText.clean((ObjectNode) node.get("data"));
        }
        String json = node.toString();
        tools.jackson.databind.JsonNode instance = schemas.instance(json);
        violations.addAll(schemas.checkEnvelope(instance));
        int version = node.path("schemaVersion").canConvertToInt() ? node.path("schemaVersion").asInt(1) : 1;
        // a schemaVersion the envelope refuses (0, 2.5, "1") names no schema: the data waits for a valid one
        boolean versionValid = violations.stream().noneMatch(v -> v.field().equals("schemaVersion"));
        if (eventType != null && EVENT_TYPE.matcher(eventType).matches() && versionValid) {
            if (!schemas.knows(source, eventType, version)) {
                violations.add(version != 1 && schemas.knows(source, eventType, 1)
                        ? new Violation("schemaVersion", "is not a version of " + eventType
                                + " Relais has a schema for; leave it out for version 1")
                        : new Violation("eventType", "must be one of " + String.join(", ", source.eventTypes())
                                + " (the event types of source " + source.id() + ")"));
            } else if (node.path("data").isObject()) {
                violations.addAll(schemas.checkData(source, eventType, version, instance.get("data")).orElseThrow());
            }
        }
        violations.addAll(outOfRange(node, violations));
        if (!violations.isEmpty()) {
            return new Read(null, prefixed(violations, pathPrefix), eventType, eventId);
        }
        Instant occurredAt;
        try {
            occurredAt = java.time.OffsetDateTime.parse(node.get("occurredAt").asText()).toInstant();
        } catch (java.time.DateTimeException e) {
            return new Read(null, prefixed(List.of(new Violation("occurredAt", SchemaMessages.DATE_TIME)), pathPrefix), eventType, eventId);
        }
        if (occurredAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            return new Read(null, prefixed(List.of(new Violation("occurredAt", "must not be in the future: at most "
                    + CLOCK_SKEW.toMinutes() + " minutes ahead of Relais' clock (clock skew allowance), got " + occurredAt)),
                    pathPrefix), eventType, eventId);
        }
        if (EventTime.tooOld(occurredAt)) {
            return new Read(null, prefixed(List.of(new Violation("occurredAt", EventTime.tooOldMessage(occurredAt))),
                    pathPrefix), eventType, eventId);
        }
        ObjectNode data = (ObjectNode) node.get("data");
        String system = node.path("system").isTextual() ? node.get("system").asText() : null;
        InboundEvent event = new InboundEvent(source, eventType, eventId, occurredAt, system, version, data, json);
        return new Read(event, List.of(), eventType, eventId);
    }

    /**
     * Numbers of an event beyond the range of a double, such as {@code 1e400}: JSON allows them, Relais keeps
     * numbers as doubles. Each is a violation naming its field and quoting the number, unless the schema checks
     * already found something wrong with that field: then what they say ("must be a string, not a number", "must be
     * at most 70") is the rule to fix, and is true of it.
     *
     * @param found the violations the schema checks found
     */
    static List<Violation> outOfRange(JsonNode event, List<Violation> found) {
        Set<String> named = found.stream().map(Violation::field).collect(Collectors.toSet());
        List<Violation> out = new ArrayList<>();
        outOfRange(event, "", named, out);
        return out;
    }

    private static void outOfRange(JsonNode node, String path, Set<String> named, List<Violation> out) {
        if (node.isBigDecimal() || node.isBigInteger()) {
            // only these can be out of range: NUMBERS_AS_SENT keeps every other number as a double
            if (Double.isInfinite(node.doubleValue()) && !named.contains(path)) {
                out.add(new Violation(path.isEmpty() ? "$" : path, SchemaMessages.outOfRange(node.decimalValue())));
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> outOfRange(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), named, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) outOfRange(node.get(i), path + "[" + i + "]", named, out);
        }
    }

    static List<Violation> prefixed(List<Violation> violations, String prefix) {
        if (prefix.isEmpty()) return violations;
        return violations.stream().map(v -> new Violation(v.field().equals("$") ? prefix
                : prefix + (v.field().startsWith("[") ? "" : ".") + v.field(), v.message())).toList();
    }
}
