package io.relais.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness turns DOWN when the oldest unpublished outbox record is older than {@code relais.outbox.stuck-after}
 * (default 5 minutes): the relay publishes within seconds when Kafka takes records, so an older record means the
 * broker refuses them or the relay is stuck, and what this service accepts is not reaching anyone. Kubernetes then
 * stops routing writes to it, and the alert {@code RelaisOutboxStuck} (2 minutes) has already paged someone.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "relais.outbox.stuck-after", defaultValue = "PT5M")
    Duration stuckAfter;

    @Override
    public HealthCheckResponse call() {
        try {
            Duration age = outbox.oldestAge();
            return HealthCheckResponse.named("outbox relay")
                    .status(age.compareTo(stuckAfter) <= 0)
                    .withData("oldestRecordAgeSeconds", age.toSeconds())
                    .withData("stuckAfterSeconds", stuckAfter.toSeconds())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox relay").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
