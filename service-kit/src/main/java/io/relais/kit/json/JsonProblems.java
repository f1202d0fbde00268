package io.relais.kit.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.relais.events.JsonSyntax;
import io.relais.events.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a request body that could not be read into the broken rule, named by the JSON path of the field
 * ({@code audience.community}, {@code items[2].name}, {@code $} for the whole body), in words a person can act
 * on. Never quotes Java class names or Jackson's own messages.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The violation a Jackson failure stands for. */
    public static Violation violation(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException sce) return limit(sce);
        if (e instanceof JsonParseException jpe) return syntax(jpe);
        if (e instanceof UnrecognizedPropertyException u) return new Violation(path(u), unknown(u));
        if (e instanceof InvalidFormatException f) return new Violation(path(f), expected(f.getTargetType()));
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("Missing required creator property")) return new Violation(path(m), "is required");
            if (original.startsWith("No content to map")) return new Violation("$", "is empty: a JSON body is expected");
            return new Violation(path(m), expected(m.getTargetType()));
        }
        if (e instanceof ValueInstantiationException v) {
            // an enum read through its own factory (lower-case wire names) refused the word: say which words it takes
            Class<?> t = v.getType() == null ? null : v.getType().getRawClass();
            return new Violation(path(v), t != null && t.isEnum() ? expected(t) : "has a value that is not allowed here");
        }
        if (e instanceof JsonMappingException m) {
            if (m.getCause() instanceof StreamConstraintsException sce) return limit(sce);
            if (m.getCause() instanceof JsonParseException jpe) return syntax(jpe);
            return new Violation(path(m), "has the wrong type or shape");
        }
        return new Violation("$", "is not valid JSON");
    }

    /** What a value of the target type looks like in JSON. */
    static String expected(Class<?> t) {
        if (t == null) return "has the wrong type";
        if (t == String.class || t == Character.class || t == char.class) return "must be a string";
        if (t == Boolean.class || t == boolean.class) return "must be true or false";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class
                || t == short.class || t == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) return "must be a number";
        if (t.isEnum()) {
            return "must be one of " + Arrays.stream(t.getEnumConstants()).map(c -> wire((Enum<?>) c))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (t == Instant.class || t == OffsetDateTime.class) return "must be an ISO-8601 date-time, e.g. 2026-11-30T09:00:00Z";
        if (t == LocalDate.class) return "must be a date YYYY-MM-DD";
        if (Temporal.class.isAssignableFrom(t)) return "must be an ISO-8601 date or time";
        if (t.isArray() || Collection.class.isAssignableFrom(t)) return "must be an array";
        if (t == java.util.UUID.class) return "must be a UUID";
        if (Map.class.isAssignableFrom(t) || !t.isPrimitive()) return "must be a JSON object";
        return "has the wrong type";
    }

    /** An enum as clients write it: its {@code @JsonValue}, else its {@code @JsonProperty} name, else its constant name. */
    private static String wire(Enum<?> e) {
        for (var method : e.getDeclaringClass().getMethods()) {
            if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(e));
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    break; // fall back to the declared names
                }
            }
        }
        try {
            var field = e.getDeclaringClass().getField(e.name());
            var property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            if (property != null && !property.value().isEmpty()) return property.value();
        } catch (NoSuchFieldException ignored) {
            // fall through to the constant name
        }
        return e.name();
    }

    private static Violation limit(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return new Violation("$", "nests objects or arrays deeper than allowed (at most "
                    + number(m, "maximum allowed \\((\\d+)") + " levels)");
        }
        if (m.contains("String value length")) {
            return new Violation("$", "holds a text longer than allowed (at most " + number(m, "maximum allowed \\((\\d+)")
                    + " characters)");
        }
        if (m.contains("Number value length")) return new Violation("$", "holds a number with too many digits");
        return new Violation("$", "is larger than allowed");
    }

    private static Violation syntax(JsonParseException e) {
        return JsonSyntax.duplicateField(e).map(field -> new Violation(field, "is given twice"))
                .orElseGet(() -> new Violation("$", "is not valid JSON: " + JsonSyntax.describe(e)));
    }

    /** A field the request type does not have, and the ones it has (a typo is then plain to see). */
    private static String unknown(UnrecognizedPropertyException e) {
        var known = e.getKnownPropertyIds();
        if (known == null || known.isEmpty()) return "is not a known field: this object takes no fields";
        return "is not a known field; known fields are "
                + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String number(String message, String regex) {
        Matcher m = Pattern.compile(regex).matcher(message);
        return m.find() ? m.group(1) : "the limit";
    }

    /** The JSON path of the failure: {@code a.b[2].c}, or {@code $} for the body itself. */
    public static String path(JacksonException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) return "$";
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
