package io.relais.kit.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Which replica of a service relays its outbox: the one holding this lease. Without it every replica would
 * publish the same records (each reads the shared {@code outbox} collection), doubling every event and losing
 * the per-key order when two replicas interleave.
 *
 * <p>The lease is one document in the service's store, collection {@value #COLLECTION}, {@code _id}
 * {@value #LEASE_ID}: {@code {holder, expiresAt, renewedAt}}. It is taken and renewed only by conditional
 * {@code findOneAndUpdate}s keyed by {@code _id} (the embedded store honours no other index, and a single-document
 * update is atomic on any MongoDB):
 * <ul>
 *   <li>renew: {@code {_id, holder: me}} → {@code expiresAt = now + lease-time};</li>
 *   <li>take over: {@code {_id, expiresAt <= now}} with upsert → {@code holder = me}; while another replica holds
 *   an unexpired lease the filter does not match, and the upsert's insert fails on the {@code _id} (duplicate key),
 *   which means "not mine".</li>
 * </ul>
 * The holder renews at its relay passes (every {@code relais.outbox.poll-interval}, and before each batch) once
 * less than half the lease time is left (a pass that finds more left writes nothing), so a live holder keeps it;
 * when it dies, another replica takes over at its first pass after {@code expiresAt}: within the lease time plus
 * one poll interval. A graceful shutdown {@linkplain #release() releases} it at once.
 *
 * <p>ShedLock's MongoDB provider (6.9.2) does the same and resolves here, but it identifies the holder by host name,
 * so two replicas on one host (the local stack, the tests) would renew each other's lock; here each replica is
 * its own holder ({@link #holder()}: host, process id and a random suffix).
 *
 * <p>Limits: expiry compares each replica's wall clock with the time another replica wrote, so the lease time
 * must be much larger than the clock skew between replicas (NTP keeps it to milliseconds). A holder that stalls
 * longer than half the lease time (a long GC pause, a broker that takes that long to acknowledge a batch) may finish publishing a batch its successor publishes again: a duplicate, never a loss, which the
 * idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxLease {

    /** The collection of relay leases in each service's database. */
    public static final String COLLECTION = "outbox_lease";
    /** The {@code _id} of the outbox relay's lease (one per service database). */
    public static final String LEASE_ID = "outbox-relay";

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final String holder;
    private final Duration leaseTime;
    private final Clock clock;
    private volatile Instant heldUntil = Instant.EPOCH;

    @Inject
    OutboxLease(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                @ConfigProperty(name = "relais.outbox.lease-time", defaultValue = "PT10S") Duration leaseTime) {
        this(mongo.getDatabase(database).getCollection(COLLECTION), replicaName(), leaseTime, Clock.systemUTC());
    }

    /**
     * A lease kept in {@code leases} for the replica named {@code holder}.
     *
     * @param leaseTime how long a taken or renewed lease lasts without renewal; takeover after a holder's death
     *                  happens within this plus one relay poll interval
     */
    public OutboxLease(MongoCollection<Document> leases, String holder, Duration leaseTime, Clock clock) {
        if (leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("relais.outbox.lease-time must be positive, was " + leaseTime);
        }
        this.leases = leases;
        this.holder = holder;
        this.leaseTime = leaseTime;
        this.clock = clock;
    }

    /**
     * Renews the lease if this replica holds it, takes it if it is free or expired.
     *
     * @return true when this replica holds the lease now (for at least half the lease time); false when another live
     * replica holds it
     * @throws com.mongodb.MongoException when the store cannot be reached (the caller then treats the lease as lost)
     */
    public boolean acquireOrRenew() {
        Instant now = clock.instant();
        // held for more than half the lease time still: no store write (a pass per request would otherwise renew
        // at every request; no other replica can take a lease before it expires, so this changes no one's view)
        if (now.plus(leaseTime.dividedBy(2)).isBefore(heldUntil)) return true;
        Instant until = now.plus(leaseTime);
        Bson mine = Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(until)),
                Updates.set("renewedAt", Date.from(now)));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        try {
            Document renewed = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", holder)), mine, after);
            if (renewed == null) {
                Document taken = leases.findOneAndUpdate(
                        Filters.and(Filters.eq("_id", LEASE_ID), Filters.lte("expiresAt", Date.from(now))), mine,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
                if (taken == null) return lost();
            }
        } catch (MongoServerException e) {
            if (e.getCode() == DUPLICATE_KEY || ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return lost(); // the upsert met the unexpired lease of another replica
            }
            heldUntil = Instant.EPOCH;
            throw e;
        } catch (RuntimeException e) {
            heldUntil = Instant.EPOCH;
            throw e;
        }
        heldUntil = until;
        return true;
    }

    /** True while this replica's last taken or renewed lease has not expired, by its own clock. */
    public boolean held() {
        return clock.instant().isBefore(heldUntil);
    }

    /** Gives the lease up (graceful shutdown) so that another replica takes over at its next pass. */
    public void release() {
        heldUntil = Instant.EPOCH;
        leases.updateOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", holder)),
                Updates.set("expiresAt", Date.from(Instant.EPOCH)));
    }

    /** This replica's name in the lease document: host, process id and a random suffix (unique per start). */
    public String holder() {
        return holder;
    }

    /** Who holds the lease according to the store, if anyone holds an unexpired one (for operators and tests). */
    public Optional<String> currentHolder() {
        Document d = leases.find(Filters.eq("_id", LEASE_ID)).first();
        if (d == null || d.getDate("expiresAt") == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(d.getString("holder"));
    }

    private boolean lost() {
        heldUntil = Instant.EPOCH;
        return false;
    }

    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "unknown-host";
            }
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
