package io.relais.bench.stack;

import io.relais.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far each consumer group of {@code relais.activities} has got: the log end and each group's
 * committed offsets, summed over partitions. Read-only, from the broker: no service internals.
 */
public final class ConsumerProgress implements AutoCloseable {

    private final Admin admin;

    public ConsumerProgress(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** Sum of end offsets of the activities topic. */
    public long logEnd() throws Exception {
        List<TopicPartition> parts = partitions();
        Map<TopicPartition, OffsetSpec> spec = parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(spec).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(i -> i.offset()).sum();
    }

    /** Committed position per group with live members (groups with no commit on the topic are left out). */
    public Map<String, Long> committed() throws Exception {
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        Map<String, Long> out = new TreeMap<>();
        Set<String> ids = new TreeSet<>();
        groups.forEach(g -> ids.add(g.groupId()));
        Set<String> active = new TreeSet<>();
        admin.describeConsumerGroups(ids).all().get(10, TimeUnit.SECONDS)
                .forEach((id, d) -> { if (!d.members().isEmpty()) active.add(id); });
        for (ConsumerGroupListing g : groups) {
            if (g.groupId().startsWith("feed-service-live-")) continue; // per-instance, at-most-recent consumers
            if (!active.contains(g.groupId())) continue; // left over by a stopped program (a test run, say)
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long sum = 0;
            boolean any = false;
            for (var e : offsets.entrySet()) {
                if (e.getKey().topic().equals(Topics.ACTIVITIES) && e.getValue() != null) {
                    sum += e.getValue().offset();
                    any = true;
                }
            }
            if (any) out.put(g.groupId(), sum);
        }
        return out;
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin.describeTopics(List.of(Topics.ACTIVITIES)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(Topics.ACTIVITIES).partitions().stream()
                .map(p -> new TopicPartition(Topics.ACTIVITIES, p.partition())).toList();
    }

    /** Lag per group = log end minus committed. */
    public Map<String, Long> lags() throws Exception {
        long end = logEnd();
        Map<String, Long> out = new HashMap<>();
        committed().forEach((g, c) -> out.put(g, end - c));
        return out;
    }

    @Override
    public void close() {
        admin.close();
    }
}
