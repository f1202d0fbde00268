package io.relais.bench.faults;

import java.util.List;

/**
 * One fault of the campaign and how it is repaired.
 *
 * @param name      the name on the command line ({@code --faults kill-feed,kafka})
 * @param label     what the report's row says
 * @param kind      {@code kill}: SIGKILL of the process group, then start; {@code stop}: graceful stop, a
 *                  downtime under load, then start; {@code keycloak}: a stop with the token checks;
 *                  {@code poison}: poison records, no component touched
 * @param component the launcher's component name ({@code feed}, {@code kafka}, …), null for poison
 */
public record Fault(String name, String label, String kind, String component) {

    public static final List<Fault> ALL = List.of(
            new Fault("kill-feed", "kill -9 feed-service, restart", "kill", "feed"),
            new Fault("kill-profile", "kill -9 profile-service, restart", "kill", "profile"),
            new Fault("kill-connector", "kill -9 connector-service, restart", "kill", "connector"),
            new Fault("kill-search", "kill -9 search-service, restart", "kill", "search"),
            new Fault("kill-web", "kill -9 web, restart", "kill", "web"),
            new Fault("kafka", "Kafka broker stopped, started", "stop", "kafka"),
            new Fault("store", "store stopped, started", "stop", "store"),
            new Fault("keycloak", "Keycloak stopped, started", "keycloak", "keycloak"),
            new Fault("poison", "poison records on every consumed topic", "poison", null));

    /** The short campaign of {@code ./relais test}: the outbox service killed, the broker restarted. */
    public static final List<String> SHORT = List.of("kill-feed", "kafka");

    static Fault named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown fault '" + name + "'; known: " + ALL.stream().map(Fault::name).toList()));
    }
}
