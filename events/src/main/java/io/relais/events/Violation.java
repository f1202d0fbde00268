package io.relais.events;

/** One broken rule: the JSON path of the field and the rule it breaks, in words a person can act on. */
public record Violation(String field, String message) {
}
