package io.relais.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * How a consumer that takes a whole Kafka poll in one dispatch but has nothing to write back (live push, link
 * previews) handles it record by record: in log order, a record whose handler fails is logged with its position and
 * passed over, and the rest of the poll is still handled, as {@code failure-strategy=ignore} did when each record was
 * a dispatch of its own (issue 18). Such consumers dead-letter nothing: the replica's store-writing consumers
 * ({@link ActivityBatches}) already did for the same records. Consumers whose failures must not be lost use
 * {@link ActivityBatches} or {@link DeadLetterQueue} instead.
 */
public final class PollRecords {

    private static final Logger LOG = Logger.getLogger(PollRecords.class);

    private PollRecords() {
    }

    /**
     * Hands each record of the poll to {@code handler} in log order; a {@link RuntimeException} it throws is logged
     * at WARN as {@code "<consumer> passed over <topic>-<partition>@<offset>: <message>"} and the next record is handled.
     *
     * @param consumer the consumer's name, for the log line (e.g. {@code "live push"})
     */
    public static void forEach(ConsumerRecords<String, String> records, String consumer,
                               Consumer<ConsumerRecord<String, String>> handler) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                LOG.warnf("%s passed over %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
    }
}
