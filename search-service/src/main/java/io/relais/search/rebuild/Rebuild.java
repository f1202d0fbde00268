package io.relais.search.rebuild;

import io.relais.events.Topics;
import io.relais.kit.messaging.SourceCheck;
import io.relais.search.index.IndexGeneration;
import io.relais.search.index.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the index from the log of record: replays {@code relais.activities} and {@code relais.profiles}
 * from their beginning up to the end offsets seen at the start, into a new index generation, with a
 * consumer of its own (no group, so the live consumer's offsets are untouched). Each record is checked as the live
 * consumers check it (a record its producer may not assert is skipped, as it was dead-lettered when it came). Searches
 * keep using the live generation meanwhile; the switch is atomic once the new one has caught up.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    @Inject
    SearchIndex index;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if ("running".equals(status.get().state())) return false;
        IndexGeneration fresh = index.startRebuild();
        status.set(new RebuildStatus("running", 0, 0, 0, Instant.now(), null, fresh.name(), null));
        Thread worker = new Thread(() -> run(fresh), "search-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(IndexGeneration fresh) {
        Instant started = status.get().startedAt();
        long done = 0, skipped = 0, total = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ACTIVITIES, Topics.PROFILES)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) total += end.get(tp) - begin.get(tp);
            status.set(new RebuildStatus("running", 0, total, 0, started, null, fresh.name(), null));
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition tp : partitions) if (end.get(tp) > begin.get(tp)) remaining.add(tp);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) continue; // newer than the rebuild: the live feed keeps it aside
                    SearchIndex.IncomingRecord record = new SearchIndex.IncomingRecord(r.topic(), r.partition(), r.offset(),
                            r.key(), r.value());
                    try {
                        SearchIndex.apply(checked(r, record), record, fresh);
                    } catch (RuntimeException invalidOrRefused) {
                        skipped++;
                    }
                    done++;
                }
                for (var it = remaining.iterator(); it.hasNext(); ) {
                    TopicPartition tp = it.next();
                    if (consumer.position(tp) >= end.get(tp)) {
                        consumer.pause(List.of(tp));
                        it.remove();
                    }
                }
                status.set(new RebuildStatus("running", done, total, skipped, started, null, fresh.name(), null));
            }
            Map<String, Long> endOffsets = new HashMap<>();
            end.forEach((tp, offset) -> endOffsets.put(tp.topic() + "-" + tp.partition(), offset));
            index.finishRebuild(fresh, endOffsets);
            status.set(new RebuildStatus("done", done, total, skipped, started, Instant.now(), fresh.name(), null));
            LOG.infof("search index rebuilt from %d records (%d skipped)", done, skipped);
        } catch (RuntimeException e) {
            LOG.error("search index rebuild failed; the live index stays in use", e);
            index.abandonRebuild(fresh);
            status.set(new RebuildStatus("failed", done, total, skipped, started, Instant.now(), fresh.name(), e.getMessage()));
        }
    }

    /**
     * A replayed record read as the live consumers read it ({@code LiveFeed}): believed only from its owner
     * ({@link SourceCheck} against {@code SourceAuthority}), so what was dead-lettered when it came (a connector's Join,
     * say) is refused again here instead of being applied to the rebuilt index.
     *
     * @throws RuntimeException when the record is not a valid activity or its producer may not assert it (skipped)
     */
    static SearchIndex.Parsed checked(ConsumerRecord<String, String> r, SearchIndex.IncomingRecord record) {
        if (r.value() == null) {
            SourceCheck.erasure(r.headers());
            return SearchIndex.parse(record);
        }
        return new SearchIndex.Parsed(SourceCheck.activity(r));
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-service-rebuild");
        return p;
    }
}
