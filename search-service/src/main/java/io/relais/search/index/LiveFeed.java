package io.relais.search.index;

import io.relais.kit.messaging.SourceCheck;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code relais.activities} and {@code relais.profiles} (group {@code search-service}) into
 * the live index. A record that is not a valid activity, or whose producer may not assert it, is refused
 * and goes to the dead-letter topic with the reason; a valid one is acknowledged once the index commit holding it is durable.
 */
@ApplicationScoped
public class LiveFeed {

    /**
     * The worker pool indexing runs on (one thread: {@code smallrye.messaging.worker.search-index.max-concurrency}),
     * not the default pool that answers searches, so an ingest burst cannot queue an employee's search behind it.
     */
    static final String INDEXING_POOL = "search-index";

    @Inject
    SearchIndex index;

    @Incoming("activities")
    @Blocking(INDEXING_POOL)
    public CompletionStage<Void> onActivity(Message<String> message) {
        return handle(message);
    }

    @Incoming("profiles")
    @Blocking(INDEXING_POOL)
    public CompletionStage<Void> onProfile(Message<String> message) {
        return handle(message);
    }

    private CompletionStage<Void> handle(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        SearchIndex.IncomingRecord record = new SearchIndex.IncomingRecord(meta.getTopic(), meta.getPartition(),
                meta.getOffset(), meta.getKey() == null ? null : meta.getKey().toString(), message.getPayload());
        SearchIndex.Parsed parsed;
        try {
            // believed only from its owner (ce_source against SourceAuthority); a refusal is dead-lettered with the rule
            if (record.value() == null) {
                SourceCheck.erasure(meta.getHeaders());
                parsed = null; // a tombstone: the index reads it itself
            } else {
                parsed = new SearchIndex.Parsed(SourceCheck.activity(record.value(), meta.getHeaders())); // parsed once
            }
        } catch (RuntimeException refused) {
            index.refused(record);
            return message.nack(refused);
        }
        try {
            index.applyLive(record, parsed, message::ack);
        } catch (RuntimeException e) {
            return message.nack(e);
        }
        return CompletableFuture.completedFuture(null);
    }
}
