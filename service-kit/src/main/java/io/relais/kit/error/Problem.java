package io.relais.kit.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.events.Violation;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists each broken rule as {@code {field, message}} so a
 * person (or a form) knows exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://relais.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public Problem withErrors(List<Violation> violations) {
        return new Problem(type, title, status, detail, instance, violations);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
