package io.relais.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The outbox as Prometheus sees it, read from the store at each scrape (the outbox is shared by the replicas of a
 * service, so every replica reports the same figures):
 * <ul>
 *   <li>{@code relais.outbox.pending} ({@code relais_outbox_pending}): records appended and not yet published;</li>
 *   <li>{@code relais.outbox.oldest.age} in seconds ({@code relais_outbox_oldest_age_seconds}): how long the oldest
 *   of them has waited. Alerts {@code RelaisOutboxStuck} and {@code RelaisOutboxBacklog} read these.</li>
 * </ul>
 * Quarkus binds every {@link MeterBinder} bean to the registry at start.
 */
@Singleton
public class OutboxMeters implements MeterBinder {

    public static final String PENDING = "relais.outbox.pending";
    public static final String OLDEST_AGE = "relais.outbox.oldest.age";

    @Inject
    Outbox outbox;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, outbox, Outbox::pending).description("outbox records not yet published").register(registry);
        Gauge.builder(OLDEST_AGE, outbox, o -> o.oldestAge().toMillis() / 1000.0).baseUnit("seconds")
                .description("age of the oldest outbox record not yet published").register(registry);
    }
}
