package io.relais.search.index;

import io.relais.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * How far this replica's index has read the log (issue 17): every search-service replica keeps a full
 * index of its own, read with its own consumer group ({@code search-service-<search.replica-id>}), so a
 * replica that is still replaying the log would answer searches with a partial index. {@link SearchIndex}
 * reports every record it reads; {@link IndexReadiness} turns {@link #status()} into the readiness check.
 */
@ApplicationScoped
public class IndexCatchUp {

    @Inject
    Config config;

    @Inject
    SearchConfig search;

    private volatile CatchUp catchUp;

    /** Called by {@link SearchIndex} once the index is open: a new index is read from the beginning of the log. */
    void indexOpened(boolean startedEmpty) {
        catchUp = new CatchUp(new KafkaOffsets(adminConfig(), groups(), startedEmpty));
    }

    /** Called by {@link SearchIndex} for every live record the index has read (applied or refused). */
    void read(String topic, int partition, long offset) {
        CatchUp c = catchUp;
        if (c != null) c.read(topic, partition, offset);
    }

    /** Caught up with the end offsets read at start, or why not yet ({@link CatchUp#status()}). */
    public CatchUp.Status status() {
        CatchUp c = catchUp;
        return c == null ? new CatchUp.Status(false, "the index is not open yet", Map.of()) : c.status();
    }

    /** The consumer group of each consumed topic, as configured for the live channels. */
    Map<String, String> groups() {
        Map<String, String> groups = new HashMap<>();
        groups.put(Topics.ACTIVITIES, config.getValue("mp.messaging.incoming.activities.group.id", String.class));
        groups.put(Topics.PROFILES, config.getValue("mp.messaging.incoming.profiles.group.id", String.class));
        return groups;
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        admin.put("bootstrap.servers", config.getValue("kafka.bootstrap.servers", String.class));
        admin.put("client.id", "search-service-catch-up-" + search.replicaId());
        return admin;
    }
}
