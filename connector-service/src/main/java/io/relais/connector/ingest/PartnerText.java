package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.relais.events.TextHygiene;
import io.relais.events.Violation;
import io.relais.kit.text.HtmlPolicy;

import java.util.List;
import java.util.Set;

/**
 * The text of a business event's {@code data} (names, titles, accounts, summaries…) as Relais keeps it: every
 * string through {@link TextHygiene} (NFC; control, bidi and zero-width characters removed; line breaks kept
 * only in summaries), and none of it markup: a value with an HTML element, end tag or comment is refused,
 * naming its field, because it ends up as a card title, a profile field or a search hit, shown as text.
 */
final class PartnerText {

    /** Fields whose text may span lines. */
    private static final Set<String> MULTI_LINE = Set.of("summary", "reason", "description");

    private PartnerText() {
    }

    /** Cleans every string of {@code data} in place and adds a violation for each one carrying markup. */
    static void clean(ObjectNode data, String path, List<Violation> violations) {
        data.fields().forEachRemaining(e -> e.setValue(clean(e.getKey(), e.getValue(), path + "." + e.getKey(), violations)));
    }

    private static JsonNode clean(String key, JsonNode value, String path, List<Violation> violations) {
        if (value.isTextual()) {
            String text = MULTI_LINE.contains(key) ? TextHygiene.text(value.asText()) : TextHygiene.line(value.asText());
            if (HtmlPolicy.hasMarkup(text)) {
                violations.add(new Violation(path, "is plain text: HTML markup is not allowed"));
            }
            return TextNode.valueOf(text);
        }
        if (value.isObject()) {
            clean((ObjectNode) value, path, violations);
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) array.set(i, clean(key, array.get(i), path + "[" + i + "]", violations));
        }
        return value;
    }
}
