package io.relais.kit.outbox;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.RecordKey;
import io.relais.events.Topics;
import io.relais.kit.tracing.RecordTraces;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * One event waiting to be published. Written in the same single insert that makes a change durable,
 * so a crash can delay an event but never lose it. The {@code _id} is time-ordered, which is also the
 * publication order.
 *
 * @param payload the record value (AS2 JSON); null publishes a tombstone (erasure on a compacted topic)
 * @param traceparent the W3C trace context of the request that made the change ({@code 00-<trace>-<span>-<flags>}),
 *                    written as the record's {@code traceparent} header when published, so the consumers continue
 *                    that trace; null when the change was made outside any trace
 */
public record OutboxRecord(String id, String topic, String key, String ceType, String ceSource, String ceSubject,
                           Instant time, String payload, String traceparent) {

    public static final String COLLECTION = "outbox";

    /** An activity on the activities topic, carrying the trace of the current request. */
    public static OutboxRecord activity(Activity activity, String source) {
        return new OutboxRecord(EventId.next(), Topics.ACTIVITIES, RecordKey.of(activity),
                CloudEventAttributes.type(activity), source, CloudEventAttributes.subject(activity),
                activity.published() != null ? activity.published() : Instant.now(), ActivityJson.writeString(activity),
                RecordTraces.currentTraceparent());
    }

    /** A profile snapshot (or, with a null payload, its erasure) on the compacted profiles topic. */
    public static OutboxRecord profile(String personIri, Activity snapshotOrNull, String source) {
        return new OutboxRecord(EventId.next(), Topics.PROFILES, personIri,
                snapshotOrNull == null ? "relais.profile.erased" : CloudEventAttributes.type(snapshotOrNull), source,
                personIri, Instant.now(), snapshotOrNull == null ? null : ActivityJson.writeString(snapshotOrNull),
                RecordTraces.currentTraceparent());
    }

    public Document toDocument() {
        return new Document("_id", id).append("topic", topic).append("key", key).append("ceType", ceType)
                .append("ceSource", ceSource).append("ceSubject", ceSubject).append("time", Date.from(time))
                .append("payload", payload).append("traceparent", traceparent);
    }

    /** Reads a stored record; records stored before traces were kept have no traceparent (null). */
    public static OutboxRecord fromDocument(Document d) {
        return new OutboxRecord(d.getString("_id"), d.getString("topic"), d.getString("key"), d.getString("ceType"),
                d.getString("ceSource"), d.getString("ceSubject"), d.getDate("time").toInstant(), d.getString("payload"),
                d.getString("traceparent"));
    }
}
