package io.relais.bench.faults;

import io.relais.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Poison records on every consumed topic ({@code relais.activities}, {@code relais.profiles}): bytes that
 * are not JSON, JSON that is not an activity, and a CloudEvent whose body breaks the contract. Each carries a
 * marker in its key and value, so its copies can be found on the dead-letter topics afterwards.
 */
final class Poison {

    /** The two consumed topics and where their consumers dead-letter. */
    static final Map<String, String> DEAD_LETTERS = Map.of(Topics.ACTIVITIES, Topics.ACTIVITIES + ".dlq",
            Topics.PROFILES, Topics.PROFILES + ".dlq");

    private final String bootstrap;
    private final String marker;
    private final List<String> sent = new ArrayList<>();
    private Map<TopicPartition, Long> dlqStart = Map.of();

    Poison(String bootstrap, String marker) {
        this.bootstrap = bootstrap;
        this.marker = marker;
    }

    /** Sends three poison records to each consumed topic; returns their keys. */
    List<String> send() throws Exception {
        dlqStart = ends();
        Map<String, Object> cfg = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            int i = 0;
            for (String topic : List.of(Topics.ACTIVITIES, Topics.PROFILES)) {
                String k1 = marker + "-" + i++;
                producer.send(new ProducerRecord<>(topic, k1, k1 + " {this is not JSON")).get(30, TimeUnit.SECONDS);
                String k2 = marker + "-" + i++;
                producer.send(new ProducerRecord<>(topic, k2, "[\"" + k2 + "\", \"a JSON array, not an activity\"]"))
                        .get(30, TimeUnit.SECONDS);
                String k3 = marker + "-" + i++;
                ProducerRecord<String, String> ce = new ProducerRecord<>(topic, k3,
                        "{\"type\":\"Create\",\"id\":\"" + k3 + "\",\"actor\":42,\"object\":{\"type\":\"Note\"}}");
                header(ce, "ce_specversion", "1.0");
                header(ce, "ce_id", k3);
                header(ce, "ce_source", "/relais/fault-campaign");
                header(ce, "ce_type", "relais.activity.create");
                header(ce, "content-type", "application/activity+json");
                producer.send(ce).get(30, TimeUnit.SECONDS);
                sent.addAll(List.of(k1, k2, k3));
            }
        }
        return sent;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What reached the dead-letter topics since {@link #send()}. */
    record DeadLetters(Map<String, Integer> copiesPerPoison, Map<String, Integer> copiesPerTopic, String exampleReason) {
    }

    DeadLetters read() {
        Map<String, Integer> perPoison = new TreeMap<>();
        sent.forEach(k -> perPoison.put(k, 0));
        Map<String, Integer> perTopic = new TreeMap<>();
        String[] reason = {null};
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cfg)) {
            Map<TopicPartition, Long> end = ends();
            c.assign(end.keySet());
            end.keySet().forEach(tp -> c.seek(tp, dlqStart.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    for (String k : sent) {
                        if (k.equals(r.key()) || (r.value() != null && r.value().contains(k))) {
                            perPoison.merge(k, 1, Integer::sum);
                            perTopic.merge(r.topic(), 1, Integer::sum);
                            Header h = r.headers().lastHeader("dead-letter-reason");
                            if (reason[0] == null && h != null) reason[0] = new String(h.value(), StandardCharsets.UTF_8);
                            break;
                        }
                    }
                }
            }
        }
        return new DeadLetters(perPoison, perTopic, reason[0]);
    }

    private Map<TopicPartition, Long> ends() {
        Map<String, Object> cfg = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cfg)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String dlq : DEAD_LETTERS.values()) {
                c.partitionsFor(dlq, Duration.ofSeconds(10)).forEach(p -> parts.add(new TopicPartition(dlq, p.partition())));
            }
            return new HashMap<>(c.endOffsets(parts, Duration.ofSeconds(10)));
        }
    }

    static Map<String, Integer> sorted(Map<String, Integer> m) {
        return new LinkedHashMap<>(new TreeMap<>(m));
    }
}
