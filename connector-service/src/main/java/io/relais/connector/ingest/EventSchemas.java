package io.relais.connector.ingest;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.relais.connector.source.SourceType;
import io.relais.events.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned JSON Schemas of inbound business events: {@code schemas/envelope.v1.json} for the
 * envelope, and {@code schemas/<source>/<eventType>.v<version>.json} for each event type's {@code data}.
 * A rejection lists every violation, each as a field path and the rule it breaks in one sentence
 * ({@link SchemaMessages}: {@code data.email} "is required", {@code occurredAt} "must be an RFC 3339 date-time with
 * an offset, e.g. 2026-11-22T09:30:00Z").
 *
 * <p>Each schema is compiled once (cached per resource). The validator runs on Jackson 3 trees: an event is
 * read into one ({@link #instance}) once, and both the envelope and its {@code data} subtree are checked on it
 * (issue 18: the text of each event used to be written and parsed again for each of the two checks).
 */
@ApplicationScoped
public class EventSchemas {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Optional<Schema>> cache = new ConcurrentHashMap<>();

    /** 2^63: from here on, a number is given to the validator as a whole number (see {@link #VALIDATOR_NUMBERS}). */
    private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(2).pow(63);

    /** 10^309, just beyond the largest double: what the validator is given for any number beyond that range. */
    private static final BigInteger BEYOND_DOUBLES = BigInteger.TEN.pow(309);

    /**
     * The numbers of the validator's tree. A number below 2^63 is the double it always was. A larger one is given
     * as a whole number (a double that large has no fraction): the validator compares an {@code integer} field's
     * bounds ({@code "years": 1e30} against {@code maximum: 70}) by converting a floating-point value to a
     * {@code long}, and failed on one out of that range instead of answering. A number beyond the range of a double
     * ({@code 1e400}, {@code 1e999999999}) is given as 10^309 with its sign, which no bound of a schema tells apart from
     * it, without ever writing out its digits; the event's own tree keeps it exact, and the reader refuses it.
     */
    private static final JsonNodeFactory VALIDATOR_NUMBERS = new JsonNodeFactory() {
        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (v == null) return nullNode();
            if (v.abs().compareTo(LONG_RANGE) < 0) return DoubleNode.valueOf(v.doubleValue());
            if (Double.isInfinite(v.doubleValue())) {
                return BigIntegerNode.valueOf(v.signum() < 0 ? BEYOND_DOUBLES.negate() : BEYOND_DOUBLES);
            }
            return BigIntegerNode.valueOf(v.setScale(0, RoundingMode.DOWN).toBigInteger());
        }
    };

    private static final JsonMapper VALIDATOR_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).nodeFactory(VALIDATOR_NUMBERS).build();

    /** An event's JSON (already parsed and size-checked once by the endpoint) as the tree the validator reads. */
    public JsonNode instance(String json) {
        return VALIDATOR_JSON.readTree(json);
    }

    /**
     * Violations of the envelope rules ({@code eventType}, {@code eventId}, {@code occurredAt}, {@code data}…),
     * one per broken rule, each naming its field as a dotted path ({@code occurredAt}; {@code $} for the event).
     */
    public List<Violation> checkEnvelope(JsonNode event) {
        return check(schema("schemas/envelope.v1.json").orElseThrow(), event, "");
    }

    /**
     * Violations of the event type's rules for {@code data}, one per broken rule, each naming its field under
     * {@code data} ({@code data.email}, {@code data.lines[0].amount}); empty when no schema exists for this event
     * type and version.
     */
    public Optional<List<Violation>> checkData(SourceType source, String eventType, int version, JsonNode data) {
        return schema(path(source, eventType, version)).map(s -> check(s, data, "data"));
    }

    /** Whether a schema exists for this event type and version. */
    public boolean knows(SourceType source, String eventType, int version) {
        return schema(path(source, eventType, version)).isPresent();
    }

    private static String path(SourceType source, String eventType, int version) {
        return "schemas/" + source.id() + "/" + eventType + ".v" + version + ".json";
    }

    private Optional<Schema> schema(String resource) {
        return cache.computeIfAbsent(resource, r -> {
            if (!r.matches("schemas/[a-z]+(/[a-z]+\\.[a-z]+)?[a-z./0-9]*\\.json")) return Optional.empty();
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(r)) {
                if (in == null) return Optional.empty();
                return Optional.of(registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One violation per error of the validator, in the words of {@link SchemaMessages} (never the validator's). */
    private static List<Violation> check(Schema schema, JsonNode instance, String prefix) {
        List<Violation> out = new ArrayList<>();
        for (Error e : schema.validate(instance)) {
            out.add(SchemaMessages.violation(e, fieldPath(e.getInstanceLocation().toString(), prefix), schema.getSchemaNode()));
        }
        return out;
    }

    /**
     * The instance location (a JSON pointer such as {@code /lines/0/amount}) as the dotted path used in every
     * problem+json of Relais, under a prefix: {@code data.lines[0].amount}; the root → the prefix itself.
     */
    static String fieldPath(String pointer, String prefix) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty() || part.equals("$")) continue;
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) b.append('[').append(name).append(']');
            else b.append(b.length() == 0 ? "" : ".").append(name);
        }
        String p = b.toString();
        if (prefix.isEmpty()) return p;
        return p.isEmpty() ? prefix : p.startsWith("[") ? prefix + p : prefix + "." + p;
    }
}
