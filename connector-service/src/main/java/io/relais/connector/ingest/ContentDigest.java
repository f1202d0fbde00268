package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What "the same event" means for an event id sent twice: the SHA-256 (hex) of the canonical JSON of the event's
 * content, stored with its receipt. Canonical: object members sorted by name, numbers by value ({@code 100},
 * {@code 100.0} and {@code 1e2} are one number), strings as JSON-escaped, no whitespace. The caller picks the content:
 * what the event says once validated, never what only carries it (its id, which is the key; the transport's mode,
 * media type or spec version).
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** The digest of these named parts (a null part is left out), e.g. {@code {eventType, occurredAt, data}}. */
    public static String of(Map<String, ?> parts) {
        StringBuilder out = new StringBuilder("{");
        parts.entrySet().stream().filter(e -> e.getValue() != null).sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 1) out.append(',');
            out.append(TextNode.valueOf(e.getKey())).append(':');
            Object v = e.getValue();
            if (v instanceof JsonNode node) canonical(node, out);
            else out.append(TextNode.valueOf(v.toString()));
        });
        return sha256(out.append('}').toString());
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                out.append(TextNode.valueOf(names.get(i))).append(':');
                canonical(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                canonical(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            // by value: scientific notation keeps 1e-300 short; the schemas refuse numbers no double holds
            out.append(node.decimalValue().stripTrailingZeros().toString());
        } else {
            out.append(node); // string (escaped), boolean, null
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
