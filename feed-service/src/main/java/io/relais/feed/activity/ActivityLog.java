package io.relais.feed.activity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import io.relais.kit.messaging.ActivityBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * Keeps every activity of {@code relais.activities} by its id, as its record's JSON (the value its producer wrote,
 * parsed and checked by {@link ActivityBatches}, not written out again). A poll is one unordered {@code insertMany}:
 * a replayed activity is already kept and its duplicate key is passed over, so a replay rewrites nothing. A record
 * that is not a valid activity goes to the dead-letter topic with the reason. A {@code View} (who opened what,
 * issue 15) is not kept: it is addressed to nobody, and reading behaviour is counted by search-service's analytics only.
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
    @Blocking("feed-background") // background work: its own small pool, never the request threads' (application.properties)
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.applyRead(records, Topics.ACTIVITIES_DLQ, announced -> true, this::keep);
    }

    void keep(List<ActivityBatches.Read> activities) {
        List<Document> docs = new ArrayList<>(activities.size());
        Set<String> seen = new HashSet<>();
        for (ActivityBatches.Read a : activities) {
            if (As2.VIEW.equals(a.activity().type())) continue;
            if (seen.add(a.activity().id())) docs.add(new Document("_id", a.activity().id()).append("json", a.json()));
        }
        if (docs.isEmpty()) return;
        try {
            collection().insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e; // kept already: a replay
            }
        }
    }

    public Optional<Activity> find(String activityIri) {
        Document d = collection().find(new Document("_id", activityIri)).first();
        return Optional.ofNullable(d).map(doc -> ActivityJson.read(doc.getString("json")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
