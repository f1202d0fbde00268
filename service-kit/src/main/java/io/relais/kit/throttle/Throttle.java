package io.relais.kit.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) per caller and kind of request, held in a bounded map that forgets idle callers
 * (Caffeine; an idle bucket is full again long before it is forgotten). One replica counts its own requests:
 * behind a load balancer spreading requests over n replicas a caller gets up to n times the limit, which
 * still stops a flood.
 */
public class Throttle {

    /** What is being limited. */
    public enum Kind {
        WRITE, SEARCH
    }

    /** Who is calling: a person (login) or a connector client ({@code azp}). */
    public record Caller(String id, boolean connector) {
        public String describe() {
            return connector ? "client " + id : id;
        }
    }

    private final ThrottleConfig config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(15)).build();

    public Throttle(ThrottleConfig config) {
        this.config = config;
    }

    /**
     * Takes one token for this caller and kind of request.
     *
     * @return empty when the request may go on; else how long to wait, in whole seconds (at least 1)
     */
    public Optional<Long> take(Caller caller, Kind kind) {
        Bucket bucket = buckets.get(kind + "|" + (caller.connector() ? "client:" : "person:") + caller.id(),
                k -> newBucket(caller, kind));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return Optional.empty();
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return Optional.of(Math.max(1, seconds));
    }

    /** The limit that applies, as (burst, per minute). */
    long[] limit(Caller caller, Kind kind) {
        if (kind == Kind.SEARCH) return new long[]{config.searchesBurst(), config.searchesPerMinute()};
        return caller.connector() ? new long[]{config.connectorBurst(), config.connectorPerMinute()}
                : new long[]{config.writesBurst(), config.writesPerMinute()};
    }

    private Bucket newBucket(Caller caller, Kind kind) {
        long[] l = limit(caller, kind);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(l[0]).refillGreedy(l[1], Duration.ofMinutes(1)).build())
                .build();
    }
}
