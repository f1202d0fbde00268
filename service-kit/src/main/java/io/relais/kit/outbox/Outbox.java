package io.relais.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import io.relais.events.EventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The only way a service announces a change: append the activity to the outbox collection (one
 * insert: durable), and the {@link OutboxRelay} publishes it to Kafka and removes it. Services apply
 * their own projections idempotently, so the same activity arriving back from Kafka changes nothing.
 * Each record keeps the trace context of the request that appended it ({@link OutboxRecord#traceparent()}).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @ConfigProperty(name = "relais.outbox.source", defaultValue = "/relais/service")
    String source;

    @Inject
    OutboxRelay relay;

    public OutboxRecord append(Activity activity) {
        ActivityValidator.requireValid(activity);
        OutboxRecord record = OutboxRecord.activity(activity, source);
        collection().insertOne(record.toDocument());
        relay.nudge();
        return record;
    }

    public void append(OutboxRecord record) {
        collection().insertOne(record.toDocument());
        relay.nudge();
    }

    public void appendAll(List<OutboxRecord> records) {
        if (records.isEmpty()) return;
        collection().insertMany(records.stream().map(OutboxRecord::toDocument).toList());
        relay.nudge();
    }

    /** Events not yet published (for health, the {@code relais.outbox.pending} meter and tests). */
    public long pending() {
        return collection().countDocuments();
    }

    /**
     * How long the oldest unpublished record has waited, from the time in its UUIDv7 {@code _id} (set at append);
     * zero when the outbox is empty. A relay that publishes keeps this near zero: it only grows while the broker
     * is unreachable or the relay is stuck ({@link OutboxRelayHealth}, meter {@code relais.outbox.oldest.age}).
     */
    public Duration oldestAge() {
        Document oldest = collection().find().sort(Sorts.ascending("_id")).projection(Projections.include("_id")).limit(1).first();
        if (oldest == null) return Duration.ZERO;
        Duration age = Duration.between(Instant.ofEpochMilli(EventId.epochMillis(oldest.getString("_id"))), Instant.now());
        return age.isNegative() ? Duration.ZERO : age;
    }

    MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(OutboxRecord.COLLECTION);
    }
}
