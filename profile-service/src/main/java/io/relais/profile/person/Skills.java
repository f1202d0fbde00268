package io.relais.profile.person;

import io.relais.events.TextHygiene;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How skill names are compared and stored: "Kafka", " kafka " and "KAFKA" are one skill. */
public final class Skills {

    private Skills() {
    }

    /**
     * Cleaned by the shared input-hygiene rule ({@link TextHygiene#line}: NFC, no control, bidi or zero-width
     * characters), trimmed, inner spaces collapsed; the spelling a person chose is kept for display. Like a
     * login's normal form ({@code Login.normalise}), so a skill named in a path, a query or a department facet is
     * compared as the profile stored it, however it reached us.
     */
    public static String clean(String skill) {
        return skill == null ? null : TextHygiene.line(skill).trim().replaceAll("\\s+", " ");
    }

    /** The comparison key: cleaned and lower-cased. */
    public static String key(String skill) {
        return clean(skill).toLowerCase(Locale.ROOT);
    }

    /** Skill keys become field names in counters; '.' and '$' are not allowed there ("node.js"). */
    static String fieldName(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace(".", "%2E");
    }

    static String fromFieldName(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }

    /** The counter field of a skill inside a person document, for {@code $inc}. */
    public static String counterPath(String counter, String key) {
        return counter + "." + fieldName(key);
    }
}
