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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private static final JsonMapper VALIDATOR_JSON = JsonMapper.builder().build();

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
