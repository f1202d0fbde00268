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
 *   of them has waited. Alerts {@code RelaisOutboxStuck} and {@code RelaisOutboxBacklog} read these;</li>
 *   <li>{@code relais.outbox.lease.held} ({@code relais_outbox_lease_held}), per replica: 1 while this replica holds
 *   the {@link OutboxLease} and relays, 0 otherwise. Summed over a service's replicas it is 1 while the outbox is
 *   relayed (0 for longer than the lease time: nobody relays; 2 only for the moments of a takeover).</li>
 * </ul>
 * Quarkus binds every {@link MeterBinder} bean to the registry at start.
 */
@Singleton
public class OutboxMeters implements MeterBinder {

    public static final String PENDING = "relais.outbox.pending";
    public static final String OLDEST_AGE = "relais.outbox.oldest.age";
    public static final String LEASE_HELD = "relais.outbox.lease.held";

    @Inject
    Outbox outbox;

    @Inject
    OutboxLease lease;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, outbox, Outbox::pending).description("outbox records not yet published").register(registry);
        Gauge.builder(OLDEST_AGE, outbox, o -> o.oldestAge().toMillis() / 1000.0).baseUnit("seconds")
                .description("age of the oldest outbox record not yet published").register(registry);
        Gauge.builder(LEASE_HELD, lease, l -> l.held() ? 1 : 0)
                .description("1 while this replica holds the outbox relay lease, else 0").register(registry);
    }
}
