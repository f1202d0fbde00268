package io.relais.connector.source;

import io.relais.kit.error.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of business system a connector posts as; {@code generic} carries native CloudEvents with AS2 payloads. */
public enum SourceType {
    HR(List.of("employee.hired", "employee.moved", "employee.left", "employee.anniversary")),
    CRM(List.of("opportunity.created", "opportunity.won", "opportunity.lost", "contract.signed")),
    ECM(List.of("document.published", "document.updated", "document.shared")),
    GENERIC(List.of());

    private final List<String> eventTypes;

    SourceType(List<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** The event types with a schema and a mapping (generic carries any AS2 activity instead). */
    public List<String> eventTypes() {
        return eventTypes;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Unknown sources answer 404: there is no such endpoint. */
    public static SourceType of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("source " + id + " (known: hr, crm, ecm, generic)"));
    }
}
