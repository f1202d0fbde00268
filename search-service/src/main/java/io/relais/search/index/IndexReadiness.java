package io.relais.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} of a search replica: UP only once its index has read every partition of
 * {@code relais.activities} and {@code relais.profiles} up to the end offsets read at start
 * ({@link IndexCatchUp}); while it replays, DOWN with the records still to read per topic, so the
 * load balancer sends no search to a replica with a partial index.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "search index caught up with the log";

    @Inject
    IndexCatchUp catchUp;

    @Inject
    SearchConfig config;

    @Override
    public HealthCheckResponse call() {
        CatchUp.Status s = catchUp.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME).status(s.ready())
                .withData("replica", config.replicaId()).withData("reason", s.reason());
        s.behind().forEach(b::withData);
        return b.build();
    }
}
