package io.relais.connector.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A business event as a source system sends it (after the envelope schema accepted it):
 * {@code {eventType, eventId, occurredAt, system?, schemaVersion?, data:{…}}}.
 *
 * @param eventId the source system's id of the event; with the source, the idempotency key
 * @param json    the event exactly as received, kept for dead letters and replay
 */
public record InboundEvent(SourceType source, String eventType, String eventId, Instant occurredAt, String system,
                           int schemaVersion, JsonNode data, String json) {

    /** The receipt id, also the idempotency key: {@code <source>:<eventId>}. */
    public String receiptId() {
        return receiptId(source, eventId);
    }

    public static String receiptId(SourceType source, String eventId) {
        return source.id() + ":" + eventId;
    }
}
