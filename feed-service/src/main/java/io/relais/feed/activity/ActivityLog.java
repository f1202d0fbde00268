package io.relais.feed.activity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Keeps every activity of {@code relais.activities} by its id (an upsert: a replay rewrites the same
 * document). A record that is not a valid activity throws, and SmallRye sends it to the dead-letter
 * topic with the reason.
 */
@ApplicationScoped
public class ActivityLog {

    static final String COLLECTION = "activities";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Incoming("activities")
    @Blocking
    public void onActivity(String json) {
        Activity activity = ActivityJson.read(json);
        collection().replaceOne(new Document("_id", activity.id()),
                new Document("_id", activity.id()).append("json", json), new ReplaceOptions().upsert(true));
    }

    public Optional<Activity> find(String activityIri) {
        Document d = collection().find(new Document("_id", activityIri)).first();
        return Optional.ofNullable(d).map(doc -> ActivityJson.read(doc.getString("json")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
