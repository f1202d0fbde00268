package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.kit.store.StoreOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a consumer applies a whole Kafka poll of activities at once (so the store sees one bulk write per
 * poll instead of a round trip per record) without giving up per-record dead letters: unreadable records,
 * and records whose producer may not assert what they carry ({@link SourceCheck}: the {@code ce_source} header
 * against {@link io.relais.events.SourceAuthority}), are dead-lettered with their reason before the batch is applied; if applying the batch fails, its
 * records are applied one at a time and only those that fail on their own are dead-lettered.
 * A store outage is not a record's fault: while the store is unavailable ({@link StoreOutage#isTransient}) the
 * batch is retried with backoff and the consumer thread waits, so nothing is dead-lettered for it; see
 * {@link StoreOutage#retryWhileUnavailable} for how long a record may wait.
 * Handlers must be idempotent (records of a failed batch are applied again).
 */
@ApplicationScoped
public class ActivityBatches {

    private static final Logger LOG = Logger.getLogger(ActivityBatches.class);

    @Inject
    DeadLetterQueue deadLetters;

    public void apply(ConsumerRecords<String, String> records, String deadLetterTopic, Consumer<List<Activity>> handler) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.count());
        List<Activity> activities = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            try {
                activities.add(SourceCheck.activity(r));
                readable.add(r);
            } catch (RuntimeException e) {
                deadLetters.send(deadLetterTopic, r, e);
            }
        }
        if (activities.isEmpty()) return;
        try {
            StoreOutage.retryWhileUnavailable("apply a batch of " + activities.size() + " activities",
                    () -> handler.accept(activities));
        } catch (RuntimeException batchFailure) {
            LOG.warnf(batchFailure, "a batch of %d activities failed; applying them one by one", activities.size());
            for (int i = 0; i < activities.size(); i++) {
                Activity one = activities.get(i);
                try {
                    StoreOutage.retryWhileUnavailable("apply activity " + one.id(), () -> handler.accept(List.of(one)));
                } catch (RuntimeException e) {
                    deadLetters.send(deadLetterTopic, readable.get(i), e);
                }
            }
        }
    }
}
