package io.relais.kit.error;

import io.relais.events.Violation;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in a request to answer with a problem+json; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400 for one broken rule on one field. */
    public static ProblemException invalid(String field, String rule) {
        return invalid(List.of(new Violation(field, rule)));
    }

    /** 400 listing every broken rule. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + " " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail).withErrors(violations));
    }

    /** 404; also used for things that exist but that the caller may not know of (secret communities). */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " does not exist"));
    }

    /**
     * A refusal of one field's value with another status than 400: detail {@code "<field> <rule>"} and
     * {@code errors: [{field, message: rule}]}, as every 4xx names the field (docs/SECURITY.md §4).
     */
    public static ProblemException refusing(int status, String slug, String title, String field, String rule) {
        return new ProblemException(Problem.of(status, slug, title, field + " " + rule)
                .withErrors(List.of(new Violation(field, rule))));
    }

    /** 403 naming the field whose value the caller may not use. */
    public static ProblemException forbidden(String field, String rule) {
        return refusing(403, "forbidden", "Forbidden", field, rule);
    }

    /** 413 naming the field that is too large. */
    public static ProblemException tooLarge(String field, String rule) {
        return refusing(413, "too-large", "Payload too large", field, rule);
    }

    /** 415 naming the field whose content is not an accepted type. */
    public static ProblemException unsupportedMediaType(String field, String rule) {
        return refusing(415, "unsupported-media-type", "Unsupported media type", field, rule);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "too-large", "Payload too large", detail));
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }

    /** 503 with Retry-After, for a dependency (Kafka, the store) that is down for now. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }
}
