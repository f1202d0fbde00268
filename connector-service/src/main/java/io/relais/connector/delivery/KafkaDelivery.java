package io.relais.connector.delivery;

import io.relais.events.Activity;
import io.relais.kit.messaging.CloudEventPublisher;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes an activity as a CloudEvent (source {@code /connectors/<source>/<system>}) with the idempotent,
 * {@code acks=all} producer, and lets the caller wait for the broker's acknowledgement: a connector gets
 * its 202 only once the event is safely in Kafka. The receipt plays the outbox's part (it is written
 * before the send and says whether the send succeeded), so no separate outbox record is needed.
 *
 * <p>An outage is logged at its transitions, not per request: one WARN with the reason when an acknowledgement first
 * fails (from then on connectors are answered 503), one INFO when one arrives again. A connector retrying every second
 * during an outage of an hour must not write thousands of lines; the per-request count is the metric's
 * ({@code relais_connector_events_total{outcome="unavailable"}}).
 */
@ApplicationScoped
public class KafkaDelivery {

    private static final Logger LOG = Logger.getLogger(KafkaDelivery.class);

    @Inject
    CloudEventPublisher publisher;

    /** True from the first failed acknowledgement until the next one that succeeds. */
    private final AtomicBoolean unavailable = new AtomicBoolean();

    public CompletableFuture<RecordMetadata> send(Activity activity, String ceSource) {
        return publisher.publish(OutboxRecord.activity(activity, ceSource));
    }

    /** Waits for the acknowledgement until the deadline; {@link KafkaUnavailableException} otherwise. */
    public RecordMetadata await(CompletableFuture<RecordMetadata> ack, long deadlineNanos) {
        long left = Math.max(1, deadlineNanos - System.nanoTime());
        KafkaUnavailableException failure;
        try {
            RecordMetadata acknowledged = ack.get(left, TimeUnit.NANOSECONDS);
            if (unavailable.compareAndSet(true, false)) {
                LOG.info("Kafka acknowledges again: connectors' events are published, no more 503 answers");
            }
            return acknowledged;
        } catch (ExecutionException e) {
            failure = new KafkaUnavailableException("Kafka did not accept the event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            failure = new KafkaUnavailableException("Kafka did not acknowledge the event within "
                    + Duration.ofNanos(left).toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e); // this request's, not Kafka's
        }
        if (unavailable.compareAndSet(false, true)) {
            LOG.warn("Kafka unavailable, answering 503 (Retry-After) to connectors until it acknowledges again: "
                    + failure.getMessage());
        }
        throw failure;
    }
}
