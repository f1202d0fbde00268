package io.relais.bench.faults;

import io.relais.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether every consumer group has caught up with both consumed topics ({@code relais.activities},
 * {@code relais.profiles}), read from the broker: end offsets minus each group's committed offsets,
 * per partition. A group that had live members when the campaign started must have them again (a
 * restarted service rejoined) and no lag. The per-instance live-push groups ({@code feed-service-live-*},
 * from the latest offset, no commits that matter) are left out.
 */
final class CatchUp implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.ACTIVITIES, Topics.PROFILES);
    private final Admin admin;

    CatchUp(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000"));
    }

    /** Groups with live members now (the baseline the campaign expects back after every fault). */
    Set<String> activeGroups() throws Exception {
        Set<String> ids = admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS).stream()
                .map(g -> g.groupId()).filter(g -> !g.startsWith("feed-service-live-")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> active = new TreeSet<>();
        if (ids.isEmpty()) return active;
        admin.describeConsumerGroups(ids).all().get(15, TimeUnit.SECONDS)
                .forEach((id, d) -> { if (!d.members().isEmpty()) active.add(id); });
        return active;
    }

    /** Lag per expected group summed over both topics; a group without live members is reported as -1. */
    Map<String, Long> lags(Set<String> expected) throws Exception {
        Map<TopicPartition, Long> end = new java.util.HashMap<>();
        List<TopicPartition> parts = new ArrayList<>();
        admin.describeTopics(TOPICS).allTopicNames().get(15, TimeUnit.SECONDS).forEach((t, d) ->
                d.partitions().forEach(p -> parts.add(new TopicPartition(t, p.partition()))));
        Map<TopicPartition, OffsetSpec> spec = parts.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(spec).all().get(15, TimeUnit.SECONDS).entrySet()) {
            end.put(e.getKey(), e.getValue().offset());
        }
        Set<String> active = activeGroups();
        Map<String, Long> out = new TreeMap<>();
        for (String g : expected) {
            if (!active.contains(g)) {
                out.put(g, -1L);
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Set<String> topicsRead = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            long lag = 0;
            for (TopicPartition tp : parts) {
                if (!topicsRead.contains(tp.topic())) continue; // this group does not read that topic
                OffsetAndMetadata c = committed.get(tp);
                lag += Math.max(0, end.get(tp) - (c == null ? 0 : c.offset()));
            }
            out.put(g, lag);
        }
        return out;
    }

    static boolean caughtUp(Map<String, Long> lags) {
        return lags.values().stream().allMatch(l -> l == 0);
    }

    @Override
    public void close() {
        admin.close();
    }
}
