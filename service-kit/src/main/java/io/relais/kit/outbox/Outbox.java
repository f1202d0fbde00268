package io.relais.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The only way a service announces a change: append the activity to the outbox collection (one
 * insert: durable), and the {@link OutboxRelay} publishes it to Kafka and removes it. Services apply
 * their own projections idempotently, so the same activity arriving back from Kafka changes nothing.
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

    /** Events not yet published (for health and tests). */
    public long pending() {
        return collection().countDocuments();
    }

    MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(OutboxRecord.COLLECTION);
    }
}
