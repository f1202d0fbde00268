package io.relais.connector.delivery;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Date;

@Schema(description = "An accepted event whose mapping failed; replayable once the mapping is fixed", example = """
        {"id":"crm:sf-opp-42-won","source":"crm","eventType":"opportunity.won","eventId":"sf-opp-42-won",
         "clientId":"crm-connector","reason":"mapping name.fr '{{data.label}}' names a value this event does not have",
         "status":"open","event":"{\\"eventType\\":\\"opportunity.won\\",…}","at":"2026-11-22T10:00:00Z"}""")
public record DeadLetter(String id, String source, String eventType, String eventId, String clientId, String reason,
                         String status, String event, Instant at, Instant replayedAt) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    Document toDocument() {
        return new Document("_id", id).append("source", source).append("eventType", eventType).append("eventId", eventId)
                .append("clientId", clientId).append("reason", reason).append("status", status).append("event", event)
                .append("at", Date.from(at));
    }

    static DeadLetter fromDocument(Document d) {
        Date replayed = d.getDate("replayedAt");
        return new DeadLetter(d.getString("_id"), d.getString("source"), d.getString("eventType"), d.getString("eventId"),
                d.getString("clientId"), d.getString("reason"), d.getString("status"), d.getString("event"),
                d.getDate("at").toInstant(), replayed == null ? null : replayed.toInstant());
    }
}
