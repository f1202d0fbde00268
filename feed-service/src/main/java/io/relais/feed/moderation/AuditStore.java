package io.relais.feed.moderation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code moderation_audit} collection, append-only: this class inserts and reads, and nothing in
 * feed-service updates or deletes an entry. {@code {_id: UUIDv7 (time-ordered), at, actor, action, object,
 * community, reason, reports}}.
 */
@ApplicationScoped
public class AuditStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public void append(Document entry) {
        collection().insertOne(entry);
    }

    /** Newest first, strictly older than {@code before} (an entry id) when given; at most {@code limit}. */
    public List<Document> page(String before, int limit) {
        var filter = before == null ? new Document() : Filters.lt("_id", before);
        return collection().find(filter).sort(Sorts.descending("_id")).limit(limit).into(new ArrayList<>());
    }

    /** Every entry, oldest first, one at a time (the CSV export streams them). */
    public void forEach(Consumer<Document> each) {
        collection().find().sort(Sorts.ascending("_id")).forEach(each);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("moderation_audit");
    }
}
