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
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @ConfigProperty(name = "relais.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    CloudEventPublisher publisher;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

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

    void drain() {
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    private int publishBatch() {
        MongoCollection<Document> outbox = mongo.getDatabase(database).getCollection(OutboxRecord.COLLECTION);
        List<OutboxRecord> batch = new ArrayList<>();
        for (Document d : outbox.find().sort(Sorts.ascending("_id")).limit(batchSize)) {
            batch.add(OutboxRecord.fromDocument(d));
        }
        if (batch.isEmpty()) return 0;
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (OutboxRecord r : batch) {
            acks.add(publisher.publish(r));
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

    void stop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }
}
