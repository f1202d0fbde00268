package io.relais.feed.governance;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Runs {@link Retention#run} every {@code feed.retention.every} (1 h) at the time of the injected {@link Clock}; tests
 * call {@link #runNow()} with a clock they control. One replica at a time is enough but not required: a second run
 * finds the same posts already deleted.
 */
@ApplicationScoped
public class RetentionJob {

    @Inject
    Retention retention;

    @Inject
    Clock clock;

    @Scheduled(every = "{feed.retention.every:1h}", delayed = "{feed.retention.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runNow();
    }

    /** One run at the clock's current time. */
    public Retention.RunOutcome runNow() {
        return retention.run(clock.instant());
    }

    /** The time source of governance: the system clock in UTC (a test replaces it with QuarkusMock). */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
