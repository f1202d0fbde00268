package io.relais.kit.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.smallrye.faulttolerance.api.Guard;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Tells a store outage (the MongoDB replica set unreachable, electing a primary, or answering too late) from a
 * failure of the work itself, and waits an outage out.
 * <p>
 * A transient failure is one of the MongoDB driver's connectivity exceptions — {@link MongoTimeoutException}
 * (no server selected within the server-selection timeout), {@link MongoSocketException} and its subclasses
 * (connection refused, reset, premature end of stream), {@link MongoNotPrimaryException},
 * {@link MongoNodeIsRecoveringException}, {@link MongoConnectionPoolClearedException},
 * {@link MongoServerUnavailableException} — or any {@link MongoException} labelled {@code RetryableWriteError} or
 * {@code TransientTransactionError} by the server, anywhere in the cause chain. Everything else (a duplicate key,
 * a validation error, a bug) is not transient: retrying it would fail the same way.
 * <p>
 * HTTP: {@code ProblemMappers} answers a transient failure 503 with {@code Retry-After}. Kafka consumers: wrap the
 * store work in {@link #retryWhileUnavailable} so that a record is applied once the store is back instead of being
 * dead-lettered (the dead-letter topic is for records that can never be applied).
 */
public final class StoreOutage {

    private static final Logger LOG = Logger.getLogger(StoreOutage.class);

    /** Seconds a client is told to wait before retrying a request refused because the store is unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** First pause between two attempts of consumer work; doubled after each failure up to {@link #MAX_BACKOFF}. */
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    /** Longest pause between two attempts while the store stays unavailable. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private StoreOutage() {
    }

    /** Whether {@code failure} (or one of its causes) says the store is unavailable for now rather than the work is wrong. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoConnectionPoolClearedException || t instanceof MongoServerUnavailableException) {
                return true;
            }
            if (t instanceof MongoException m
                    && (m.hasErrorLabel("RetryableWriteError") || m.hasErrorLabel("TransientTransactionError"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} until it succeeds or fails for a reason other than a store outage. While the store is
     * unavailable the calling thread waits (exponential backoff from {@link #FIRST_BACKOFF}, doubled up to
     * {@link #MAX_BACKOFF}, no jitter; each attempt itself bounded by the driver's server-selection timeout) and tries
     * again, without limit: a consumer thus pauses during an outage and resumes when the store answers. How long a
     * Kafka record may stay unacknowledged meanwhile is bounded by the channel's
     * {@code throttled.unprocessed-record-max-age.ms} (each service's application.properties); past it the channel
     * reports DOWN and a restart resumes from the last committed offset, so nothing is lost either way.
     * <p>
     * The retries are SmallRye Fault Tolerance's (a programmatic {@link Guard} with {@code @Retry} +
     * {@code @ExponentialBackoff} semantics, retrying only what {@link #isTransient} accepts); it needs the CDI
     * container of a running service.
     *
     * @param what     names the work in the log (e.g. "apply 12 activities")
     * @param work     the store work; must be idempotent, since it may run again after a failure that hid a success
     * @return what {@code work} returned
     * @throws RuntimeException the first non-transient failure of {@code work}, unchanged
     * @throws StoreUnavailableException if the thread is interrupted (the service is stopping) during an outage
     */
    @SuppressWarnings("unchecked")
    public static <T> T retryWhileUnavailable(String what, Supplier<T> work) {
        try {
            return (T) Retries.GUARD.get(() -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    if (isTransient(e)) LOG.warnf("store unavailable (%s) to %s; trying again", e.getClass().getSimpleName(), what);
                    throw e;
                }
            }, Object.class);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || causedByInterruption(e)) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while waiting for the store to " + what, e);
            }
            throw e;
        }
    }

    private static boolean causedByInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) return true;
        }
        return false;
    }

    /** The guard, built on first use (building it needs the CDI container of the running service). */
    private static final class Retries {
        static final Guard GUARD = Guard.create()
                .withRetry()
                .maxRetries(-1) // unlimited: an outage is waited out, see retryWhileUnavailable
                .maxDuration(0, ChronoUnit.MILLIS) // 0: no overall limit
                .delay(FIRST_BACKOFF.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(StoreOutage::isTransient)
                .withExponentialBackoff().factor(2).maxDelay(MAX_BACKOFF.toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /** {@link #retryWhileUnavailable(String, Supplier)} for work without a result. */
    public static void retryWhileUnavailable(String what, Runnable work) {
        retryWhileUnavailable(what, () -> {
            work.run();
            return null;
        });
    }
}
