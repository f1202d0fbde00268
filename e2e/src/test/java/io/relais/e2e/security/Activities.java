package io.relais.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The stack's Kafka topics read and written with the plain Kafka client, as an attacker with network access
 * to the broker (or a compromised producer) would: finding the activity behind a post, publishing forged
 * CloudEvents (binary mode: {@code ce_*} headers, AS2 JSON value) and reading dead letters.
 */
final class Activities {

    static final ObjectMapper JSON = new ObjectMapper();

    private Activities() {
    }

    /** One record of a topic: its CloudEvents headers (and others, such as the dead-letter reason) and its JSON value. */
    record Record(Map<String, String> headers, String value) {
        JsonNode json() {
            try {
                return value == null ? JSON.nullNode() : JSON.readTree(value);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }
    }

    /** The local id of the {@code Create} activity whose object is {@code objectIri}, once it is on the log. */
    static String createOf(String objectIri) {
        Record r = awaitRecord(Topics.ACTIVITIES, null, rec -> {
            JsonNode a = rec.json();
            return "Create".equals(a.path("type").asText()) && objectIri.equals(a.path("object").path("id").asText());
        });
        return Iri.localId(r.json().path("id").asText());
    }

    /** The end offsets of a topic now: what is published later is read from there. */
    static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return new HashMap<>(c.endOffsets(parts));
        }
    }

    /** The first record of {@code topic} (read from {@code from}, or from the start) that matches, within the projection wait. */
    static Record awaitRecord(String topic, Map<TopicPartition, Long> from, Predicate<Record> wanted) {
        return awaitRecord(topic, from, Stack.PROJECTION_WAIT, wanted);
    }

    static Record awaitRecord(String topic, Map<TopicPartition, Long> from, Duration within, Predicate<Record> wanted) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            if (from == null) c.seekToBeginning(parts);
            else parts.forEach(p -> c.seek(p, from.getOrDefault(p, 0L)));
            Record[] hit = new Record[1];
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (ConsumerRecord<String, String> cr : c.poll(Duration.ofMillis(500))) {
                    Record r = new Record(headers(cr.headers()), cr.value());
                    if (wanted.test(r)) {
                        hit[0] = r;
                        return true;
                    }
                }
                return false;
            });
            return hit[0];
        }
    }

    /** Every record published on {@code topic} after {@code from}, up to the end now. */
    static List<Record> since(String topic, Map<TopicPartition, Long> from) {
        List<Record> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> parts = new ArrayList<>(from.keySet());
            c.assign(parts);
            parts.forEach(p -> c.seek(p, from.get(p)));
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> cr : c.poll(Duration.ofMillis(300))) {
                    out.add(new Record(headers(cr.headers()), cr.value()));
                }
            }
        }
        return out;
    }

    /**
     * Publishes a CloudEvent in Kafka binary mode straight to {@code relais.activities}, bypassing every
     * service's API: the forged record a consumer has to refuse on its own.
     */
    static void publish(String key, Map<String, String> ceHeaders, String activityJson) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ACTIVITIES, key,
                    activityJson.getBytes(StandardCharsets.UTF_8));
            ceHeaders.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the forged record to " + Topics.ACTIVITIES, e);
        }
    }

    static Optional<String> header(Record r, String name) {
        return Optional.ofNullable(r.headers().get(name));
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> out = new HashMap<>();
        for (Header h : headers) out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        return out;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p);
    }
}
