package io.relais.kit.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.relais.events.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Objects;

/**
 * The activities this process has already read and checked ({@link SourceCheck#activity}), by record position, so a
 * record read by several consumer groups of one replica is parsed and checked once instead of once per group
 * (issue 18: feed-service has five consumers of {@code relais.activities}, and parsing the same record in each was
 * the largest share of its CPU under ingest).
 *
 * <p>Why by position: a record's bytes at a topic, partition and offset never change, and every consumer group of a
 * replica reads the same records within seconds of each other. The cached answer is still only reused for the same
 * input: the record's value and its {@code ce_source} header must equal those the activity was read from (a topic
 * deleted and created again reuses offsets), otherwise the record is read and checked afresh. What is reused is the
 * outcome of exactly the same parse and {@link io.relais.events.SourceAuthority} check, both pure functions of that
 * value and header. Only accepted records are kept: a refused or unreadable record is read again by each consumer,
 * which dead-letters it with its reason as before.
 *
 * <p>Consumers share the {@link Activity} instance: it is a value, never changed after it is read.
 * Bounded: the most recent {@value #MAX_RECORDS} records, each for {@link #KEPT}; a consumer further behind than that
 * (a replay, a restart) reads its records itself, as before.
 */
@ApplicationScoped
public class CheckedRecords {

    /** Records remembered: about 50 s of 200 events/s, a few MB of activities. */
    static final int MAX_RECORDS = 10_000;
    /** How long a record is remembered after it was first read: consumer groups of a replica stay this close. */
    static final Duration KEPT = Duration.ofMinutes(2);

    private record Position(String topic, int partition, long offset) {
    }

    private record Checked(String value, String source, Activity activity) {
    }

    private final Cache<Position, Checked> checked = Caffeine.newBuilder().maximumSize(MAX_RECORDS).expireAfterWrite(KEPT).build();

    /**
     * The record's activity, believed only from its owner: the one this process already read from the same value
     * and {@code ce_source} at this position, or {@link SourceCheck#activity(ConsumerRecord)}'s.
     *
     * @throws io.relais.events.InvalidActivityException when the value is not a valid activity
     * @throws SourceCheck.RefusedBySource when its producer may not assert it (or names none)
     */
    public Activity activity(ConsumerRecord<String, String> record) {
        Position at = new Position(record.topic(), record.partition(), record.offset());
        String source = SourceCheck.ceSource(record.headers()).orElse(null);
        Checked known = checked.getIfPresent(at);
        if (known != null && Objects.equals(known.value(), record.value()) && Objects.equals(known.source(), source)) {
            return known.activity();
        }
        Activity activity = SourceCheck.activity(record);
        checked.put(at, new Checked(record.value(), source, activity));
        return activity;
    }
}
