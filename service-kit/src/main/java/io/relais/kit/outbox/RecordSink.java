package io.relais.kit.outbox;

import java.util.concurrent.CompletableFuture;

/**
 * Where the {@link OutboxRelay} sends a record. In a service it is Kafka through
 * {@link io.relais.kit.messaging.CloudEventPublisher#publish}; the future completes when the broker has the
 * record ({@code acks=all}) and fails when it refused it or could not be reached.
 */
@FunctionalInterface
public interface RecordSink {

    CompletableFuture<?> send(OutboxRecord record);
}
