package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.relais.events.TextHygiene;

import java.util.Set;

/**
 * The text of a business event's {@code data} (names, titles, accounts, summaries…) as Relais keeps it: every
 * string through {@link TextHygiene} (NFC; control, bidi and zero-width characters removed; line breaks kept
 * only in summaries). It stays text, whatever characters it holds: a customer called {@code Smith & Sons <EMEA>}
 * keeps its name, because every page that shows a card title, a profile field or a search hit escapes it
 * ("user and partner text is never markup in someone else's page"). Refusing {@code <} would make business
 * systems rename their customers, and would not make any page safer.
 */
final class PartnerText {

    /** Fields whose text may span lines. */
    private static final Set<String> MULTI_LINE = Set.of("summary", "reason", "description");

    private PartnerText() {
    }

    /** Cleans every string of {@code data} in place with {@link TextHygiene}. */
    static void clean(ObjectNode data) {
        data.fields().forEachRemaining(e -> e.setValue(clean(e.getKey(), e.getValue())));
    }

    private static JsonNode clean(String key, JsonNode value) {
        if (value.isTextual()) {
            return TextNode.valueOf(MULTI_LINE.contains(key) ? TextHygiene.text(value.asText()) : TextHygiene.line(value.asText()));
        }
        if (value.isObject()) {
            clean((ObjectNode) value);
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) array.set(i, clean(key, array.get(i)));
        }
        return value;
    }
}
