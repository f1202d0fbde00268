package io.relais.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A record a poll's handler fails on is passed over; the records after it are still handled, in log order. */
class PollRecordsTest {

    @Test
    void aRecordThatFailsIsPassedOverAndTheRestOfThePollIsHandledInOrder() {
        TopicPartition partition = new TopicPartition("relais.activities", 0);
        List<ConsumerRecord<String, String>> records = List.of(
                new ConsumerRecord<>(partition.topic(), 0, 10, "k", "first"),
                new ConsumerRecord<>(partition.topic(), 0, 11, "k", "broken"),
                new ConsumerRecord<>(partition.topic(), 0, 12, "k", "last"));
        List<String> handled = new ArrayList<>();

        PollRecords.forEach(new ConsumerRecords<>(Map.of(partition, records)), "test consumer", r -> {
            if (r.value().equals("broken")) throw new IllegalArgumentException("unreadable");
            handled.add(r.value());
        });

        assertThat(handled).containsExactly("first", "last");
    }
}
