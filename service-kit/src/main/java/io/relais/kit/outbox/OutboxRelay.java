package io.relais.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.relais.kit.messaging.CloudEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox records in {@code _id} (creation) order, waits for Kafka's acknowledgement
 * ({@code acks=all}), then deletes them. Deleting keeps the collection small, which matters because
 * the embedded store answers the sorted read with a scan. A failed send leaves the record for the
 * next pass; consumers are idempotent, so a record published twice changes nothing.
 *
 * <p>Only the replica holding the {@link OutboxLease} publishes: every pass, and every batch within it, starts by
 * renewing (or taking) the lease, and a replica that does not hold it does nothing until its next pass
 * ({@code relais.outbox.poll-interval}, 2 s). So the replicas of a service publish each record once, in order, and
 * when the holder dies another one takes over within the lease time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MongoCollection<Document> outbox;
    private final int batchSize;
    private final RecordSink sink;
    private final OutboxLease lease;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    @Inject
    OutboxRelay(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                @ConfigProperty(name = "relais.outbox.batch-size", defaultValue = "500") int batchSize,
                CloudEventPublisher publisher, OutboxLease lease) {
        this(mongo.getDatabase(database).getCollection(OutboxRecord.COLLECTION), batchSize, publisher::publish, lease);
    }

    /**
     * A relay of the records in {@code outbox} to {@code sink}, publishing only while it holds {@code lease}.
     *
     * @param batchSize records read, sent and acknowledged per step (the lease is renewed before each)
     */
    public OutboxRelay(MongoCollection<Document> outbox, int batchSize, RecordSink sink, OutboxLease lease) {
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.sink = sink;
        this.lease = lease;
    }

    /** Ask for a pass soon; passes never overlap, and a nudge during a pass causes one more. */
    public void nudge() {
        if (worker.isShutdown()) {
            return;
        }
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    scheduled.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // shutting down: the records wait for the next start
            }
        }
    }

    @Scheduled(every = "${relais.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    /** One pass: while this replica holds the lease, publishes batches until the outbox is empty or a send fails. */
    void drain() {
        try {
            int published;
            do {
                if (!lease.acquireOrRenew()) return; // another replica relays
                published = publishBatch();
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    private int publishBatch() {
        List<OutboxRecord> batch = new ArrayList<>();
        for (Document d : outbox.find().sort(Sorts.ascending("_id")).limit(batchSize)) {
            batch.add(OutboxRecord.fromDocument(d));
        }
        if (batch.isEmpty()) return 0;
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (OutboxRecord r : batch) {
            acks.add(sink.send(r));
        }
        List<String> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                sent.add(batch.get(i).id());
            } catch (Exception e) {
                // keep order: stop at the first failure, later records wait for the next pass
                LOG.warnf("outbox record %s not published yet: %s", batch.get(i).id(), e.getMessage());
                break;
            }
        }
        if (!sent.isEmpty()) {
            outbox.deleteMany(Filters.in("_id", sent));
        }
        return sent.size() == batch.size() ? sent.size() : -1;
    }

    /** The lease this relay publishes under (its {@link OutboxLease#held()} is the {@code relais.outbox.lease.held} meter). */
    public OutboxLease lease() {
        return lease;
    }

    /** Graceful stop: the pass under way finishes, then the lease is given up so that another replica takes over at once. */
    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Stops relaying: no new pass starts, the one under way may finish (waited for 10 s), then the lease is
     * released. For the service's shutdown, and for tests that stop one replica.
     */
    public void stop() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("outbox relay pass still running at shutdown; its lease expires by itself");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.warnf("outbox lease not released (it expires by itself): %s", e.getMessage());
        }
    }
}
