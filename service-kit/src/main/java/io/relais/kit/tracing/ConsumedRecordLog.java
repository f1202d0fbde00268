package io.relais.kit.tracing;

import io.relais.kit.metrics.DeadLetters;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sees every Kafka message of every incoming channel of the service (an {@link IncomingInterceptor} without
 * {@code @Identifier} applies to all channels). When a record has been applied (its message acknowledged), it logs
 * at DEBUG under the record's own trace id: that is the line that shows a connector POST reaching the feed card
 * and the search index. SmallRye's OpenTelemetry support makes the consumer spans themselves; this only logs.
 *
 * <p>A message refused on a channel whose failure strategy is {@code dead-letter-queue} is sent by SmallRye to that
 * channel's dead-letter topic: it is counted in {@link DeadLetters}.
 */
@ApplicationScoped
public class ConsumedRecordLog implements IncomingInterceptor {

    private static final Logger LOG = Logger.getLogger(ConsumedRecordLog.class);

    @Inject
    DeadLetters deadLetters;

    @Inject
    Config config;

    @Override
    public void onMessageAck(Message<?> message) {
        if (!LOG.isDebugEnabled()) return;
        String channel = channel(message);
        for (ConsumerRecord<?, ?> r : records(message)) {
            RecordTraces.debug(LOG, RecordTraces.traceparent(r.headers()), "%s applied %s-%d@%d %s %s", channel, r.topic(),
                    r.partition(), r.offset(), RecordTraces.header(r.headers(), "ce_type"), RecordTraces.header(r.headers(), "ce_id"));
        }
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        String channel = channel(message);
        if (channel == null) return;
        String prefix = "mp.messaging.incoming." + channel + ".";
        Optional<String> strategy = config.getOptionalValue(prefix + "failure-strategy", String.class);
        if (strategy.isPresent() && strategy.get().equals("dead-letter-queue")) {
            List<ConsumerRecord<?, ?>> records = records(message);
            String topic = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                    .orElse("dead-letter-topic-" + (records.isEmpty() ? channel : records.get(0).topic()));
            deadLetters.count(topic, Math.max(1, records.size()));
        }
    }

    private static String channel(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getChannel)
                .or(() -> message.getMetadata(IncomingKafkaRecordBatchMetadata.class).map(IncomingKafkaRecordBatchMetadata::getChannel))
                .orElse(null);
    }

    private static List<ConsumerRecord<?, ?>> records(Message<?> message) {
        List<ConsumerRecord<?, ?>> out = new ArrayList<>();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> out.add(m.getRecord()));
        message.getMetadata(IncomingKafkaRecordBatchMetadata.class).ifPresent(m -> {
            for (Object r : m.getRecords()) out.add((ConsumerRecord<?, ?>) r);
        });
        return out;
    }
}
