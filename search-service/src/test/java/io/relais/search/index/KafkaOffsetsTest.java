package io.relais.search.index;

import io.relais.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The catch-up target read from a real broker: end offsets, and where a replica's group starts. */
class KafkaOffsetsTest {

    final KafkaBroker broker = KafkaBroker.shared();
    final String topic = "catch-up-" + UUID.randomUUID();
    final TopicPartition p0 = new TopicPartition(topic, 0);
    final TopicPartition p1 = new TopicPartition(topic, 1);

    void threeRecordsInPartitionZero() throws Exception {
        broker.createTopic(topic, 2, Map.of());
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 3; i++) producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get(30, TimeUnit.SECONDS);
        }
    }

    void commit(String group, long offset) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.commitSync(Map.of(p0, new OffsetAndMetadata(offset)));
        }
    }

    @Test
    void aNewIndexReadsFromTheBeginningAndIsReadyOnlyAtTheEnd() throws Exception {
        threeRecordsInPartitionZero();
        commit("search-service-a", 2);
        KafkaOffsets offsets = new KafkaOffsets(Map.of("bootstrap.servers", broker.bootstrapServers()),
                Map.of(topic, "search-service-a"), true);
        CatchUp.Target t = offsets.get();
        assertThat(t.end()).containsEntry(p0, 3L).containsEntry(p1, 0L);
        assertThat(t.start()).containsEntry(p0, 0L).containsEntry(p1, 0L);

        CatchUp c = new CatchUp(offsets);
        assertThat(c.status().ready()).isFalse();
        c.read(topic, 0, 1);
        assertThat(c.status().ready()).isFalse();
        c.read(topic, 0, 2);
        assertThat(c.status().ready()).isTrue();
    }

    @Test
    void aReplicaWithItsOwnIndexResumesFromItsOwnGroupsCommittedOffsets() throws Exception {
        threeRecordsInPartitionZero();
        commit("search-service-a", 3);
        commit("search-service-b", 1);
        CatchUp.Target a = new KafkaOffsets(Map.of("bootstrap.servers", broker.bootstrapServers()),
                Map.of(topic, "search-service-a"), false).get();
        CatchUp.Target b = new KafkaOffsets(Map.of("bootstrap.servers", broker.bootstrapServers()),
                Map.of(topic, "search-service-b"), false).get();
        assertThat(a.start()).containsEntry(p0, 3L);
        assertThat(b.start()).containsEntry(p0, 1L);
        assertThat(new CatchUp(() -> a).status().ready()).isTrue();
        assertThat(new CatchUp(() -> b).status().ready()).isFalse();
    }
}
