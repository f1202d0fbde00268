package io.relais.events;

import java.util.List;
import java.util.Map;

/** Kafka topics of Relais, with the settings they are created with (never auto-created). */
public final class Topics {

    /** The log of record: every activity, kept forever so projections can be rebuilt by replay. */
    public static final String ACTIVITIES = "relais.activities";
    /** Latest profile snapshot per person (compacted, key = person IRI, tombstone on erasure). */
    public static final String PROFILES = "relais.profiles";
    /** Records a consumer could not process, with the reason in the {@code dead-letter-reason} header. */
    public static final String ACTIVITIES_DLQ = "relais.activities.dlq";
    public static final String PROFILES_DLQ = "relais.profiles.dlq";
    /** Accepted business events whose mapping or publication failed, replayable by connector-service. */
    public static final String CONNECTOR_DLQ = "relais.connector.dlq";
    /**
     * Notifications as feed-service has just stored them (key = recipient IRI, value = the notification as JSON),
     * read from the latest offset by every feed-service replica to push them to the recipients connected to it.
     * Live only: kept one hour.
     */
    public static final String NOTIFICATIONS = "relais.notifications";

    public record TopicSpec(String name, int partitions, Map<String, String> config) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(ACTIVITIES, 6, Map.of("retention.ms", "-1", "cleanup.policy", "delete")),
            new TopicSpec(PROFILES, 3, Map.of("cleanup.policy", "compact", "retention.ms", "-1")),
            new TopicSpec(ACTIVITIES_DLQ, 1, Map.of("retention.ms", "-1")),
            new TopicSpec(PROFILES_DLQ, 1, Map.of("retention.ms", "-1")),
            new TopicSpec(CONNECTOR_DLQ, 1, Map.of("retention.ms", "-1")),
            new TopicSpec(NOTIFICATIONS, 3, Map.of("retention.ms", "3600000", "cleanup.policy", "delete")));

    private Topics() {
    }
}
