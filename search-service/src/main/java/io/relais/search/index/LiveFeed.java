package io.relais.search.index;

import io.relais.events.Topics;
import io.relais.kit.messaging.DeadLetterQueue;
import io.relais.kit.messaging.SourceCheck;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code relais.activities} and {@code relais.profiles} (group {@code search-service}) into the live index, a
 * poll at a time (one dispatch per poll, not per record: issue 18). A record that is not a valid activity, or whose
 * producer may not assert it, is refused and goes to the dead-letter topic with the reason ({@link DeadLetterQueue}:
 * the same headers SmallRye's dead-letter strategy writes), and the rest of its poll is still indexed; the poll is
 * acknowledged once the index commit holding its records is durable.
 */
@ApplicationScoped
public class LiveFeed {

    /**
     * The worker pool indexing runs on (one thread: {@code smallrye.messaging.worker.search-index.max-concurrency}),
     * not the default pool that answers searches, so an ingest burst cannot queue an employee's search behind it.
     */
    static final String INDEXING_POOL = "search-index";

    /** A record's own acknowledgement: none, its poll is acknowledged as a whole after the commit. */
    private static final Runnable WITH_ITS_POLL = () -> { };

    @Inject
    SearchIndex index;

    @Inject
    DeadLetterQueue deadLetters;

    @Incoming("activities")
    @Blocking(INDEXING_POOL)
    public CompletionStage<Void> onActivities(Message<List<String>> poll) {
        return handle(poll, Topics.ACTIVITIES_DLQ);
    }

    @Incoming("profiles")
    @Blocking(INDEXING_POOL)
    public CompletionStage<Void> onProfiles(Message<List<String>> poll) {
        return handle(poll, Topics.PROFILES_DLQ);
    }

    @SuppressWarnings("unchecked")
    private CompletionStage<Void> handle(Message<List<String>> poll, String deadLetterTopic) {
        IncomingKafkaRecordBatchMetadata<String, String> meta =
                poll.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        for (ConsumerRecord<String, String> r : meta.getRecords()) {
            SearchIndex.IncomingRecord record = new SearchIndex.IncomingRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value());
            SearchIndex.Parsed parsed;
            try {
                // believed only from its owner (ce_source against SourceAuthority); a refusal is dead-lettered with the rule
                if (r.value() == null) {
                    SourceCheck.erasure(r.headers());
                    parsed = null; // a tombstone: the index reads it itself
                } else {
                    parsed = new SearchIndex.Parsed(SourceCheck.activity(r.value(), r.headers())); // parsed once
                }
            } catch (RuntimeException refused) {
                index.refused(record);
                deadLetters.send(deadLetterTopic, r, refused);
                continue;
            }
            try {
                index.applyLive(record, parsed, WITH_ITS_POLL);
            } catch (RuntimeException e) {
                deadLetters.send(deadLetterTopic, r, e); // counted as read by applyLive either way
            }
        }
        index.acknowledgeAfterCommit(() -> poll.ack());
        return CompletableFuture.completedFuture(null);
    }
}
