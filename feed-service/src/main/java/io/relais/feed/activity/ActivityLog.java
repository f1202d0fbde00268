package io.relais.feed.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import io.relais.kit.messaging.ActivityBatches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every activity of {@code relais.activities} by its id (an upsert: a replay rewrites the same
 * document). A record that is not a valid activity goes to the dead-letter topic with the
 * reason; a poll is written with one bulk write. A {@code View} (who opened what, issue 15) is not kept: it is
 * addressed to nobody, and reading behaviour is counted by search-service's analytics only.
 */
@ApplicationScoped
public class ActivityLog {

    static final String COLLECTION = "activities";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    ActivityBatches batches;

    @Incoming("activities")
    @Blocking
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.apply(records, Topics.ACTIVITIES_DLQ, this::keep);
    }

    void keep(List<Activity> activities) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(activities.size());
        for (Activity a : activities) {
            if (As2.VIEW.equals(a.type())) continue;
            writes.add(new ReplaceOneModel<>(new Document("_id", a.id()),
                    new Document("_id", a.id()).append("json", ActivityJson.writeString(a)), upsert));
        }
        if (writes.isEmpty()) return;
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    public Optional<Activity> find(String activityIri) {
        Document d = collection().find(new Document("_id", activityIri)).first();
        return Optional.ofNullable(d).map(doc -> ActivityJson.read(doc.getString("json")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
