package io.relais.kit.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.relais.events.CloudEventAttributes;
import io.relais.kit.metrics.DeadLetters;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.kit.tracing.RecordTraces;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Writes CloudEvents 1.0 to Kafka in binary mode ({@code ce_*} headers, AS2 JSON value) with an
 * idempotent, {@code acks=all} producer. The future completes when the broker has the record.
 *
 * <p>Each record continues the trace it was made in: a {@code <topic> publish} producer span whose parent is the
 * outbox record's stored {@code traceparent} (or the current span), written into the record's {@code traceparent}
 * header (W3C Trace Context), which the consumers' SmallRye OpenTelemetry support continues.
 */
@ApplicationScoped
public class CloudEventPublisher {

    private static final Logger LOG = Logger.getLogger(CloudEventPublisher.class);

    @Inject
    Tracer tracer;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "relais.kafka.max-block-ms", defaultValue = "5000")
    int maxBlockMs;

    private volatile KafkaProducer<String, byte[]> producer;

    /** Publishes one record under its own trace; the future completes when the broker has it. */
    public CompletableFuture<RecordMetadata> publish(OutboxRecord r) {
        ProducerRecord<String, byte[]> record;
        if (r.payload() == null) {
            // tombstone: erasure on a compacted topic; it still names its producer, so consumers can check who erases
            record = new ProducerRecord<>(r.topic(), r.key(), null);
            record.headers().add("ce_specversion", CloudEventAttributes.SPEC_VERSION.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", r.id().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", r.ceSource().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", r.ceType().getBytes(StandardCharsets.UTF_8));
            if (r.ceSubject() != null) record.headers().add("ce_subject", r.ceSubject().getBytes(StandardCharsets.UTF_8));
        } else {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(r.id())
                    .withSource(URI.create(r.ceSource()))
                    .withType(r.ceType())
                    .withSubject(r.ceSubject())
                    .withTime(r.time().atOffset(ZoneOffset.UTC))
                    .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                    .withData(r.payload().getBytes(StandardCharsets.UTF_8))
                    .build();
            record = KafkaMessageFactory.createWriter(r.topic(), null, null, r.key()).writeBinary(event);
        }
        Context parent = r.traceparent() != null ? RecordTraces.parent(r.traceparent()) : Context.current();
        Span span = tracer().spanBuilder(r.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", r.topic())
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.message.id", r.id())
                .setAttribute("cloudevents.event_type", r.ceType() == null ? "" : r.ceType())
                .startSpan();
        ProducerRecord<String, byte[]> traced = record;
        W3CTraceContextPropagator.getInstance().inject(parent.with(span), traced.headers(),
                (headers, name, value) -> headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
        String traceparent = RecordTraces.traceparent(traced.headers());
        return send(traced).whenComplete((metadata, error) -> {
            if (error != null) {
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                span.recordException(error);
            } else {
                span.setAttribute("messaging.destination.partition.id", Integer.toString(metadata.partition()));
                span.setAttribute("messaging.kafka.offset", metadata.offset());
                RecordTraces.debug(LOG, traceparent, "published %s-%d@%d %s %s", r.topic(), metadata.partition(),
                        metadata.offset(), r.ceType(), r.id());
            }
            span.end();
        });
    }

    /**
     * Sends a record that is not an activity (a dead letter with its reason headers, say) through the same
     * idempotent {@code acks=all} producer; the future completes when the broker has it.
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                    return;
                }
                if (record.topic().endsWith(".dlq") && deadLetters != null) deadLetters.count(record.topic(), 1);
                ack.complete(metadata);
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e); // metadata unavailable within max.block.ms: broker unreachable
        }
        return ack;
    }

    /** A publisher made with {@code new} (outside CDI, as some tests do) still writes traceparent headers, without spans. */
    private Tracer tracer() {
        return tracer != null ? tracer : OpenTelemetry.noop().getTracer(CloudEventPublisher.class.getName());
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
                    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(maxBlockMs));
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) producer.close();
    }
}
