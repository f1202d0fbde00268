package io.relais.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The meter {@code relais.dead.letters} (Prometheus: {@code relais_dead_letters_total{topic}}): records this
 * service sent to a dead-letter topic, counted once the broker has them. Fed by the shared publisher (the
 * per-record dead letters of batch consumers) and by {@link io.relais.kit.tracing.ConsumedRecordLog} (SmallRye's
 * dead-letter strategy of single-record channels). Alert {@code RelaisDeadLetters} reads it.
 */
@ApplicationScoped
public class DeadLetters {

    /** The meter name; deploy/kubernetes' alert rules read it, and ManifestsTest checks that it exists. */
    public static final String METER = "relais.dead.letters";

    @Inject
    MeterRegistry registry;

    /** Counts {@code n} records dead-lettered to {@code topic}. */
    public void count(String topic, int n) {
        if (n <= 0) return;
        Counter.builder(METER).description("records sent to a dead-letter topic")
                .tag("topic", topic).register(registry).increment(n);
    }
}
