package io.relais.search.index;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Reads a {@link CatchUp.Target} from the broker with the Kafka admin client: the latest offset of every
 * partition of the topics, and where this replica's consumer group starts reading them (its committed
 * offsets, or the earliest offsets when the group has none or the index is new and will be replayed).
 */
public final class KafkaOffsets implements Supplier<CatchUp.Target> {

    static final long TIMEOUT_SECONDS = 10;

    private final Map<String, Object> adminConfig;
    private final Map<String, String> groupByTopic;
    private final boolean fromBeginning;

    /**
     * @param adminConfig   admin client settings (at least {@code bootstrap.servers})
     * @param groupByTopic  the consumer group reading each topic
     * @param fromBeginning true when the index is new: reading starts at the earliest offsets whatever the group committed
     */
    public KafkaOffsets(Map<String, Object> adminConfig, Map<String, String> groupByTopic, boolean fromBeginning) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.groupByTopic = Map.copyOf(groupByTopic);
        this.fromBeginning = fromBeginning;
    }

    @Override
    public CatchUp.Target get() {
        Properties p = new Properties();
        p.putAll(adminConfig);
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        try (Admin admin = Admin.create(p)) {
            Map<String, TopicDescription> topics = admin.describeTopics(groupByTopic.keySet()).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> partitions = topics.values().stream()
                    .flatMap(t -> t.partitions().stream().map(i -> new TopicPartition(t.name(), i.partition())))
                    .toList();
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
            if (!fromBeginning) {
                for (String group : groupByTopic.values().stream().distinct().toList()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    committed.forEach((tp, om) -> {
                        if (om != null && group.equals(groupByTopic.get(tp.topic())) && start.containsKey(tp)) {
                            start.merge(tp, om.offset(), Math::max);
                        }
                    });
                }
            }
            return new CatchUp.Target(end, start);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + groupByTopic.keySet() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        info.forEach((tp, i) -> out.put(tp, i.offset()));
        return out;
    }
}
