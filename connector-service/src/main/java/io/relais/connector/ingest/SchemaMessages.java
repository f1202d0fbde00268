package io.relais.connector.ingest;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.relais.events.Violation;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a partner's developer reads when an event breaks a rule of its JSON Schema: one sentence per broken rule,
 * naming the rule in plain words (the field is the {@link Violation}'s {@code field}). This is the one table from
 * a JSON Schema keyword to its sentence; a sentence is built from the validator's structured output (keyword,
 * schema value, instance value, property), never from the validator's own English, which ran two messages together
 * ({@code does not match the date-time pattern must be a valid RFC 3339 date-time}), quoted its internal type names
 * ({@code unknown found}) and follows the JVM's locale. No sentence holds a Java class name.
 */
final class SchemaMessages {

    /**
     * The sentence for a date-time in every lane: the envelope's {@code occurredAt}, a CloudEvent's {@code time} and
     * the generic lane's {@code published} / {@code updated} (GenericActivities says the same words).
     */
    static final String DATE_TIME = "must be an RFC 3339 date-time with an offset, e.g. 2026-11-22T09:30:00Z";

    /** The {@code format} keyword's values, in words (an unlisted format: "must be a valid &lt;format&gt;"). */
    private static final Map<String, String> FORMATS = Map.ofEntries(
            Map.entry("date-time", DATE_TIME),
            Map.entry("date", "must be an RFC 3339 date (year-month-day), e.g. 2026-12-01"),
            Map.entry("time", "must be an RFC 3339 time with an offset, e.g. 09:30:00Z"),
            Map.entry("duration", "must be an ISO 8601 duration, e.g. P3D or PT1H30M"),
            Map.entry("uri", "must be an absolute URI, e.g. https://docs.example.com/d/DOC-42"),
            Map.entry("uri-reference", "must be a URI or a relative reference, e.g. /d/DOC-42"),
            Map.entry("email", "must be an e-mail address, e.g. dave@relais.example"),
            Map.entry("uuid", "must be a UUID, e.g. 0b5f8f0e-2c4e-4d6a-9f57-3a1c2b7d9e10"),
            Map.entry("hostname", "must be a host name, e.g. docs.example.com"),
            Map.entry("ipv4", "must be an IPv4 address, e.g. 192.0.2.10"),
            Map.entry("ipv6", "must be an IPv6 address, e.g. 2001:db8::10"));

    /**
     * The {@code pattern}s of the shipped schemas, in words. A pattern not listed here is quoted as it is in the
     * schema ("must match the regular expression …"); {@code SchemaMessagesTest} keeps every shipped one listed.
     */
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("^[a-z]+\\.[a-z]+$", "must be an event type: lowercase words joined by a dot, e.g. employee.hired"),
            Map.entry("^[A-Za-z0-9._~@+-]{1,100}$", ids(100)),
            Map.entry("^[A-Za-z0-9._~@+-]{1,128}$", ids(128)),
            Map.entry("^[A-Za-z0-9._~@+-]{1,150}$", ids(150)),
            Map.entry("^[a-z0-9][a-z0-9._-]{0,63}$", "must be a Relais login: 1 to 64 lowercase letters, digits or . _ -, "
                    + "starting with a letter or digit, e.g. dave"),
            Map.entry("^[a-z0-9][a-z0-9._~@+-]{0,99}$", "must be a community slug: 1 to 100 lowercase letters, digits or "
                    + ". _ ~ @ + -, starting with a letter or digit, e.g. ventes-emea"),
            Map.entry("^[a-z0-9][a-z0-9_-]{0,39}$", "must be a system name: 1 to 40 lowercase letters, digits or _ -, "
                    + "starting with a letter or digit, e.g. workday"),
            Map.entry("^[A-Z]{3}$", "must be an ISO 4217 currency code: three capital letters, e.g. EUR"),
            Map.entry("^https?://[^/?#]", "must start with http:// or https:// and a host"),
            Map.entry("^[a-z]+/[A-Za-z0-9.+-]+$", "must be a media type such as application/pdf"),
            Map.entry("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "must be an e-mail address, e.g. dave@relais.example"));

    private SchemaMessages() {
    }

    private static String ids(int max) {
        return "must be 1 to " + max + " letters, digits or . _ ~ @ + -";
    }

    /** Whether a pattern of a schema has its sentence in words (else it is quoted as a regular expression). */
    static boolean knowsPattern(String pattern) {
        return PATTERNS.containsKey(pattern);
    }

    /**
     * The violation a partner reads for one error of the validator.
     *
     * @param e      one error, as the validator reports it
     * @param at     the dotted path of the value it is about ({@code ""}: the root of the event)
     * @param schema the root of the schema that was checked (to name the known fields of an object)
     * @return the field (a missing or unknown field is named itself, under {@code at}) and the broken rule in words
     */
    static Violation violation(Error e, String at, JsonNode schema) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "required":
                if (e.getProperty() != null) return new Violation(child(at, e.getProperty()), "is required");
                break;
            case "dependentRequired":
                Object[] args = e.getArguments();
                if (args != null && args.length >= 2) {
                    return new Violation(child(at, String.valueOf(args[0])), "is required when " + args[1] + " is given");
                }
                break;
            case "additionalProperties", "unevaluatedProperties":
                if (e.getProperty() != null) return new Violation(child(at, e.getProperty()), unknownField(e, schema));
                break;
            default:
                break;
        }
        return new Violation(at.isEmpty() ? "$" : at, sentence(keyword, e));
    }

    /** The sentence of a rule about the value itself, by keyword. */
    private static String sentence(String keyword, Error e) {
        JsonNode rule = e.getSchemaNode();
        JsonNode value = e.getInstanceNode();
        return switch (keyword) {
            case "type", "unionType" -> "must be " + expected(rule) + ", not " + given(value, rule);
            case "format" -> format(rule == null ? "" : rule.asString());
            case "pattern" -> pattern(rule == null ? "" : rule.asString());
            case "enum" -> "must be one of " + oneOf(rule);
            case "const" -> "must be " + literal(rule);
            case "minLength" -> rule != null && rule.asInt() == 1 ? "must not be empty"
                    : "must be at least " + number(rule) + " characters" + length(value);
            case "maxLength" -> "must be at most " + number(rule) + " characters" + length(value);
            case "minimum" -> "must be at least " + number(rule);
            case "maximum" -> "must be at most " + number(rule);
            case "exclusiveMinimum" -> "must be more than " + number(rule);
            case "exclusiveMaximum" -> "must be less than " + number(rule);
            case "multipleOf" -> multipleOf(rule, value);
            case "minItems" -> "must hold at least " + number(rule) + " item" + plural(rule) + count(value);
            case "maxItems" -> "must hold at most " + number(rule) + " item" + plural(rule) + count(value);
            case "uniqueItems" -> "must not hold the same item twice";
            case "minProperties" -> "must give at least " + number(rule) + " field" + plural(rule) + count(value);
            case "maxProperties" -> "must give at most " + number(rule) + " field" + plural(rule) + count(value);
            case "items", "prefixItems", "additionalItems", "unevaluatedItems", "false" -> "is not allowed here";
            case "propertyNames" -> "has a field name this event type does not allow";
            default -> "breaks the rule '" + keyword + "' of this event type's JSON Schema";
        };
    }

    /**
     * The sentence for a number JSON allows but a double cannot hold ({@code 1e400}): Relais keeps numbers as
     * doubles, so it is refused, quoting the number (to six significant digits) as sent.
     */
    static String outOfRange(BigDecimal number) {
        String shown = number.round(new MathContext(6)).stripTrailingZeros().toString()
                .replace("E+", "e").replace("E", "e");
        return "must be a number within the range of a double (" + shown + " is out of range)";
    }

    /**
     * {@code multipleOf}: a power of ten below 1 is a number of decimals ({@code 0.0001}: "must have at most 4 decimal
     * places (this one has 5)"), the way an amount's rule is meant; any other divisor is told as a multiple.
     */
    private static String multipleOf(JsonNode rule, JsonNode value) {
        BigDecimal divisor = rule == null || !rule.isNumber() ? null : rule.decimalValue().stripTrailingZeros();
        if (divisor == null || !BigInteger.ONE.equals(divisor.unscaledValue().abs()) || divisor.scale() <= 0) {
            return "must be a multiple of " + number(rule);
        }
        String sentence = "must have at most " + divisor.scale() + " decimal place" + (divisor.scale() == 1 ? "" : "s");
        if (value == null || !value.isNumber()) return sentence;
        int places = value.decimalValue().stripTrailingZeros().scale();
        return places > divisor.scale() ? sentence + " (this one has " + places + ")" : sentence;
    }

    private static String child(String at, String property) {
        return at.isEmpty() ? property : at + "." + property;
    }

    /** An unknown field, and the fields its object knows (from the schema's {@code properties} beside the rule). */
    private static String unknownField(Error e, JsonNode schema) {
        JsonNode object = schema;
        NodePath rule = e.getSchemaLocation() == null ? null : e.getSchemaLocation().getFragment();
        NodePath parent = rule == null ? null : rule.getParent();
        for (int i = 0; parent != null && object != null && i < parent.getNameCount(); i++) {
            Object step = parent.getElement(i);
            object = step instanceof Integer index ? object.get(index) : object.get(String.valueOf(step));
        }
        JsonNode properties = object == null ? null : object.get("properties");
        if (properties == null || !properties.isObject() || properties.isEmpty()) return "is not a known field";
        return "is not a known field; known fields are " + String.join(", ", new TreeSet<>(properties.propertyNames()));
    }

    private static String format(String format) {
        return FORMATS.getOrDefault(format, "must be a valid " + format);
    }

    private static String pattern(String pattern) {
        return PATTERNS.getOrDefault(pattern, "must match the regular expression " + pattern);
    }

    /** The JSON types a {@code type} keyword allows, in words: "a string", "a whole number or null"… */
    private static String expected(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type != null && type.isArray()) type.forEach(t -> names.add(t.asString()));
        else if (type != null) names.add(type.asString());
        List<String> words = names.stream().map(SchemaMessages::typeWords).toList();
        if (words.size() <= 1) return words.isEmpty() ? "of another type" : words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String typeWords(String type) {
        return switch (type) {
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            case "null" -> "null";
            default -> type;
        };
    }

    /**
     * What was sent, in words: its JSON type ("a number", "a string"…); a fraction where only whole numbers are
     * allowed is quoted ({@code 1.5}), since "a number" would not say what is wrong with it.
     */
    private static String given(JsonNode value, JsonNode type) {
        if (value == null) return "missing";
        if (value.isString()) return "a string";
        if (value.isNumber()) {
            boolean wholeExpected = type != null && (type.isArray() ? contains(type, "integer") && !contains(type, "number")
                    : "integer".equals(type.asString()));
            return wholeExpected && !value.isIntegralNumber() ? value.asString() : "a number";
        }
        if (value.isBoolean()) return "a boolean";
        if (value.isArray()) return "an array";
        if (value.isObject()) return "an object";
        return "null";
    }

    private static boolean contains(JsonNode array, String name) {
        for (JsonNode n : array) if (name.equals(n.asString())) return true;
        return false;
    }

    private static String oneOf(JsonNode values) {
        if (values == null || !values.isArray()) return literal(values);
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(literal(v)));
        return out.stream().collect(Collectors.joining(", "));
    }

    /** A schema value as a partner would write it: a string as its text, anything else as JSON. */
    private static String literal(JsonNode value) {
        if (value == null) return "";
        return value.isString() ? value.asString() : value.toString();
    }

    private static String number(JsonNode n) {
        return n == null ? "" : n.isNumber() ? n.numberValue().toString() : n.asString();
    }

    private static String plural(JsonNode n) {
        return n != null && n.isNumber() && n.asLong() == 1 ? "" : "s";
    }

    /** "(this one has 131)": the length of a string, in characters (code points, as the schema counts them). */
    private static String length(JsonNode value) {
        if (value == null || !value.isString()) return "";
        String s = value.asString();
        return " (this one has " + s.codePointCount(0, s.length()) + ")";
    }

    /** "(this one has 4)": the number of items of an array or fields of an object. */
    private static String count(JsonNode value) {
        return value == null || !value.isContainer() ? "" : " (this one has " + value.size() + ")";
    }
}
