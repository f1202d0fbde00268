package io.relais.search.index;

import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Whether this replica's index has caught up with the log: the end offset of every partition of the
 * consumed topics is read once (the target: what the log held when the replica started), and the
 * replica is caught up once, for every partition, the next offset its index has read reaches it. From
 * then on it stays ready: later lag is the lag metric's business, not a reason to leave the load balancer.
 *
 * <p>Where reading starts counts as read: a replica that restarts on its own index resumes from its
 * group's committed offsets, which the index already holds; a new or emptied index starts from the
 * beginning of each partition ({@link Target#start}).
 *
 * <p>Plain logic with the offsets behind a {@link Supplier}, so it is tested without Kafka as well as
 * against the real broker ({@link KafkaOffsets}).
 */
public final class CatchUp {

    /**
     * What the log held at start and where this replica's reading begins, per partition (next offsets:
     * an empty partition has start = end).
     */
    public record Target(Map<TopicPartition, Long> end, Map<TopicPartition, Long> start) {
    }

    /** The readiness answer: {@code behind} = records still to read per topic (only meaningful while not ready). */
    public record Status(boolean ready, String reason, Map<String, Long> behind) {
    }

    private final Supplier<Target> offsets;
    private final ConcurrentHashMap<TopicPartition, Long> reached = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> end;
    private volatile boolean caughtUp;

    /** @param offsets reads the target; may throw (broker unreachable), and is then asked again at the next check */
    public CatchUp(Supplier<Target> offsets) {
        this.offsets = offsets;
    }

    /** Records that the index has read (applied or dead-lettered) this record. */
    public void read(String topic, int partition, long offset) {
        reached.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    /** Reads the target if it was not read yet; false when the log cannot be asked right now. */
    public synchronized boolean readTarget() {
        if (end != null) return true;
        Target t;
        try {
            t = offsets.get();
        } catch (RuntimeException e) {
            return false;
        }
        t.start().forEach((tp, start) -> reached.merge(tp, start, Math::max));
        end = Map.copyOf(t.end());
        return true;
    }

    /** Ready once every partition's read position reached its end offset at start; then ready for good. */
    public Status status() {
        if (caughtUp) return new Status(true, "caught up with the log", Map.of());
        if (!readTarget()) return new Status(false, "the end offsets of the log cannot be read yet", Map.of());
        Map<String, Long> behind = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            long missing = Math.max(0, e.getValue() - reached.getOrDefault(e.getKey(), 0L));
            behind.merge(e.getKey().topic(), missing, Long::sum);
            total += missing;
        }
        if (total == 0) {
            caughtUp = true;
            return new Status(true, "caught up with the log", Map.of());
        }
        return new Status(false, "replaying the log: " + total + " records to go", behind);
    }
}
