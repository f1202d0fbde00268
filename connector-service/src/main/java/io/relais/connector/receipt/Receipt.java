package io.relais.connector.receipt;

import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Date;

/**
 * The answer to "what happened to my event": stored with {@code _id} = {@code <source>:<eventId>} (or
 * {@code <source>:<eventId>:<clientId>} when another client of the source used the id first, see
 * {@link ReceiptStore}), the idempotency key (a unique key by construction, so a duplicate can never create a second one).
 */
@Schema(description = "Delivery receipt of one business event", example = """
        {"receiptId":"hr:wd-2026-000123","source":"hr","eventType":"employee.hired","eventId":"wd-2026-000123",
         "clientId":"hr-connector","status":"published","activityId":"urn:relais:activity:019a…",
         "objectId":"urn:relais:event:019a…","attempts":1,"received":"2026-11-22T10:00:00Z",
         "updated":"2026-11-22T10:00:00.120Z"}""")
public record Receipt(String receiptId, String source, String eventType, String eventId, String clientId,
                      String status, String activityId, String objectId, String reason, int attempts,
                      Instant received, Instant updated) {

    public ReceiptStatus state() {
        return ReceiptStatus.of(status);
    }

    static Receipt fromDocument(Document d) {
        return new Receipt(d.getString("_id"), d.getString("source"), d.getString("eventType"), d.getString("eventId"),
                d.getString("clientId"), d.getString("status"), d.getString("activityId"), d.getString("objectId"),
                d.getString("reason"), d.getInteger("attempts", 1), instant(d, "received"), instant(d, "updated"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
