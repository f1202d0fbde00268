package io.relais.connector.delivery;

import io.relais.events.Activity;
import io.relais.kit.messaging.CloudEventPublisher;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes an activity as a CloudEvent (source {@code /connectors/<source>/<system>}) with the idempotent,
 * {@code acks=all} producer, and lets the caller wait for the broker's acknowledgement: a connector gets
 * its 202 only once the event is safely in Kafka. The receipt plays the outbox's part (it is written
 * before the send and says whether the send succeeded), so no separate outbox record is needed.
 */
@ApplicationScoped
public class KafkaDelivery {

    @Inject
    CloudEventPublisher publisher;

    public CompletableFuture<RecordMetadata> send(Activity activity, String ceSource) {
        return publisher.publish(OutboxRecord.activity(activity, ceSource));
    }

    /** Waits for the acknowledgement until the deadline; {@link KafkaUnavailableException} otherwise. */
    public RecordMetadata await(CompletableFuture<RecordMetadata> ack, long deadlineNanos) {
        long left = Math.max(1, deadlineNanos - System.nanoTime());
        try {
            return ack.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("Kafka did not accept the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the event within "
                    + Duration.ofNanos(left).toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        }
    }
}
