package io.relais.connector.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.connector.generic.LaneRefusal;
import io.relais.events.Violation;

import java.util.List;

/**
 * The outcome of one event of a batch.
 *
 * @param rule for an event outside the connector's lane, the rule it breaks (as in the 403 of a single event)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchItem(int index, String eventId, String outcome, String receiptId, String status, String detail,
                        List<Violation> errors, String rule) {

    static BatchItem rejected(int index, String eventId, List<Violation> errors) {
        return new BatchItem(index, eventId, "rejected", null, "rejected", errors.size() + " violation(s)", errors, null);
    }

    static BatchItem refused(int index, String eventId, LaneRefusal refusal) {
        return new BatchItem(index, eventId, "refused", null, "rejected", refusal.message(),
                List.of(new Violation(refusal.field(), refusal.message())), refusal.lane().rule());
    }

    static BatchItem of(int index, String eventId, Ingestion.Handled h) {
        String outcome = switch (h.result()) {
            case PUBLISHED -> "published";
            case DEAD_LETTERED -> "dead-lettered";
            case DUPLICATE -> "duplicate";
            case IN_FLIGHT -> "in-flight";
            case CONFLICT -> "conflict";
            case UNAVAILABLE, NOT_ATTEMPTED -> "unavailable";
        };
        return new BatchItem(index, eventId, outcome, h.receipt() == null ? null : h.receipt().receiptId(),
                h.receipt() == null ? null : h.receipt().status(), h.detail(), List.of(), null);
    }
}
