package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.SourceAuthority;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a consumer reads a record it may believe: parses the activity (refusing what breaks the contract) and
 * checks its CloudEvents {@code source} ({@code ce_source} header) against {@link SourceAuthority}. A refused
 * record throws {@link RefusedBySource}, whose message is the rule; batch consumers get that for free through
 * {@link ActivityBatches}, single-record consumers call {@link #activity(ConsumerRecord)} and let SmallRye's
 * {@code dead-letter-queue} failure strategy write the same {@code dead-letter-reason} header.
 */
public final class SourceCheck {

    /** The Kafka header of the CloudEvents {@code source} attribute in binary mode. */
    public static final String CE_SOURCE = "ce_source";

    private SourceCheck() {
    }

    /** A record whose producer may not assert what it carries; the message names the rule. */
    public static final class RefusedBySource extends RuntimeException {
        public RefusedBySource(String reason) {
            super(reason, null, false, false); // a refusal, not a fault: no stack trace to fill
        }
    }

    /**
     * The activity of a record, believed only from its owner.
     *
     * @throws io.relais.events.InvalidActivityException when the value is not a valid activity
     * @throws RefusedBySource when its producer may not assert it (or names none)
     */
    public static Activity activity(ConsumerRecord<String, String> record) {
        return activity(record.value(), record.headers());
    }

    /** Same, from a value and the record's headers (for consumers that receive a SmallRye {@code Message}). */
    public static Activity activity(String value, Headers headers) {
        Activity activity = ActivityJson.read(value);
        String source = ceSource(headers).orElse(null);
        SourceAuthority.check(source, activity).ifPresent(reason -> {
            throw new RefusedBySource(reason);
        });
        return activity;
    }

    /**
     * Checks a tombstone (null value) on the compacted {@code relais.profiles} topic: only profile-service erases
     * a person. A tombstone without any {@code ce_source} is accepted, because compaction's own tombstones and
     * those written before the publisher stamped its source carry no header; one naming another producer is refused.
     *
     * @throws RefusedBySource when a producer other than profile-service erases
     */
    public static void erasure(Headers headers) {
        Optional<String> source = ceSource(headers);
        if (source.isEmpty()) return;
        SourceAuthority.checkErasure(source.get()).ifPresent(reason -> {
            throw new RefusedBySource(reason);
        });
    }

    /** The {@code ce_source} header's value, if any. */
    public static Optional<String> ceSource(Headers headers) {
        if (headers == null) return Optional.empty();
        Header h = headers.lastHeader(CE_SOURCE);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }
}
