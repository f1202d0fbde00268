package io.relais.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Dead letters for consumers that take records in batches: SmallRye's dead-letter strategy can only
 * dead-letter a whole batch, so a batch handler hands over the one record it could not apply, with the
 * same headers SmallRye writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic},
 * {@code -partition}, {@code -offset}), and carries on with the others.
 */
@ApplicationScoped
public class DeadLetterQueue {

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    @Inject
    CloudEventPublisher publisher;

    /** Sends the record to the dead-letter topic and waits for the broker: a letter is never dropped silently. */
    public void send(String deadLetterTopic, ConsumerRecord<String, String> record, Throwable reason) {
        byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), value,
                new RecordHeaders(record.headers().toArray()));
        letter.headers().remove("dead-letter-reason");
        letter.headers().add(header("dead-letter-reason", String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) letter.headers().add(header("dead-letter-cause", String.valueOf(reason.getCause().getMessage())));
        letter.headers().add(header("dead-letter-topic", record.topic()));
        letter.headers().add(header("dead-letter-partition", Integer.toString(record.partition())));
        letter.headers().add(header("dead-letter-offset", Long.toString(record.offset())));
        try {
            publisher.send(letter).get(30, TimeUnit.SECONDS);
            LOG.warnf("dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
