package io.relais.connector.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.events.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the JSON shapes Activity Streams 2.0 allows, strictly typed: a value where AS2 says a string must be a
 * JSON string ({@code 123} or {@code true} is refused, naming the field); a non-functional property may be one
 * value or an array; a reference may be an IRI, a {@code Link} ({@code href}) or an embedded object ({@code id}).
 * Every problem is added to the caller's violation list with the field's path; nothing here throws.
 */
final class As2Json {

    /** BCP 47 language tags as AS2 language maps key them ({@code fr}, {@code en-GB}, {@code und}). */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,4}");

    private final List<Violation> violations;

    As2Json(List<Violation> violations) {
        this.violations = violations;
    }

    List<Violation> violations() {
        return violations;
    }

    void violation(String path, String message) {
        violations.add(new Violation(path, message));
    }

    /** A string property: {@code null} when absent or null; a violation when it is another JSON type. */
    String string(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            violation(path, "must be a string, not " + jsonType(n));
            return null;
        }
        return n.asText();
    }

    /** The values of a property AS2 lets be one value or an array of values (absent or null: none). */
    static List<JsonNode> values(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /** The path of the i-th value of a property: {@code f} when it was a single value, {@code f[i]} in an array. */
    static String path(JsonNode parent, String field, String path, int i) {
        return parent.get(field) != null && parent.get(field).isArray() ? path + "[" + i + "]" : path;
    }

    /**
     * The IRI a reference stands for: the IRI itself, a {@code Link}'s {@code href}, or an embedded object's
     * {@code id}; {@code null} (with a violation) for any other shape.
     */
    String reference(JsonNode ref, String path) {
        if (ref == null || ref.isNull()) return null;
        if (ref.isTextual()) return ref.asText();
        if (ref.isObject()) {
            if (isLink(ref)) return string(ref, "href", path + ".href");
            return string(ref, "id", path + ".id");
        }
        violation(path, "must be an IRI, a Link or an object, not " + jsonType(ref));
        return null;
    }

    /** Whether an embedded value is a {@code Link} (or a subtype such as {@code Mention}) rather than an object. */
    static boolean isLink(JsonNode node) {
        if (!node.isObject()) return false;
        for (String t : types(node)) {
            if (t.equals("Link") || t.equals("Mention") || t.equals("Hashtag")) return true;
        }
        return node.has("href") && !node.has("id");
    }

    /** The {@code type} of an object: AS2 allows one type or several (an array); non-strings are skipped. */
    static List<String> types(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : values(node, "type")) {
            if (t.isTextual()) out.add(t.asText());
        }
        return out;
    }

    /**
     * A natural-language value: the plain property ({@code name}) and its language map ({@code nameMap}),
     * merged into one map by language. The plain value goes under the default language of the
     * {@code @context} ({@code {"@language": "fr"}}) when there is one, else under {@code und}.
     *
     * @return language → text, in the order given; empty when neither is given
     */
    Map<String, String> naturalLanguage(JsonNode object, String field, String path, String defaultLanguage) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode map = object.get(field + "Map");
        if (map != null && !map.isNull()) {
            if (!map.isObject()) {
                violation(path + "Map", "must be an object of language tag to text, not " + jsonType(map));
            } else {
                map.fields().forEachRemaining(e -> {
                    String p = path + "Map." + e.getKey();
                    if (!LANGUAGE_TAG.matcher(e.getKey()).matches()) {
                        violation(p, "is not a BCP 47 language tag (fr, en, en-GB…)");
                    } else if (!e.getValue().isTextual()) {
                        violation(p, "must be a string, not " + jsonType(e.getValue()));
                    } else {
                        out.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        String plain = string(object, field, path);
        if (plain != null) {
            String lang = defaultLanguage != null ? defaultLanguage : "und";
            out.putIfAbsent(lang, plain);
        }
        return out;
    }

    /**
     * The default language of an AS2 document: the {@code @language} of its {@code @context} (a string, an
     * object or an array holding one object with {@code @language}).
     */
    String defaultLanguage(JsonNode document, String path) {
        for (JsonNode c : values(document, "@context")) {
            if (c.isObject() && c.has("@language")) {
                String lang = string(c, "@language", path + ".@context.@language");
                if (lang != null && !LANGUAGE_TAG.matcher(lang).matches()) {
                    violation(path + ".@context.@language", "is not a BCP 47 language tag (fr, en, en-GB…)");
                    return null;
                }
                return lang;
            }
        }
        return null;
    }

    static String jsonType(JsonNode n) {
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "a boolean";
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        return "null";
    }
}
