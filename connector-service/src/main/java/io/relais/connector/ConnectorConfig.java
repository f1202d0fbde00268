package io.relais.connector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of connector-service (prefix {@code connector}). */
@ConfigMapping(prefix = "connector")
public interface ConnectorConfig {

    /** Largest single event body; checked on Content-Length and on the stream, before any parsing. */
    @WithDefault("65536")
    int maxEventBytes();

    /** Largest batch body (bytes). */
    @WithDefault("2097152")
    int maxBatchBytes();

    /** Most events in one batch. */
    @WithDefault("500")
    int maxBatchEvents();

    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    @WithDefault("8s")
    Duration publishTimeout();

    /** Retry-After (seconds) sent with a 503 when Kafka is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * A directory whose {@code <source>/<eventType>.json} files override the built-in mapping templates,
     * re-read when they change: mappings are fixed without recompiling or restarting.
     */
    Optional<String> mappingsDir();

    /** Registrations created at startup when the client has none yet (the admin API manages them afterwards). */
    Map<String, DefaultRegistration> defaults();

    interface DefaultRegistration {
        List<String> sources();

        /** {@code organisation}, {@code community:<slug>} or {@code person:<login>}. */
        @WithDefault("organisation")
        String audience();

        /** The business system's short id, e.g. {@code workday}, used in the CloudEvent source. */
        String system();

        /** The business system's display name, e.g. {@code Workday} (the card's generator name). */
        String systemName();

        /** {@code none}, {@code login} or {@code email}: see {@link io.relais.connector.registration.PeopleMatch}. */
        @WithDefault("none")
        String people();

        /**
         * Slugs of the private and secret communities the system may address (comma-separated; none when absent);
         * public communities and the default audience's community need no listing. A malformed slug stops the
         * service at startup. See {@link io.relais.connector.registration.Registration#mayAddress}.
         */
        Optional<List<String>> communities();
    }
}
