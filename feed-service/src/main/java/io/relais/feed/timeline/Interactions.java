package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a person has reacted to or commented on each author's content: the "past interactions"
 * part of feed affinity. One document per person with a bounded list of {author, count}.
 */
@ApplicationScoped
public class Interactions {

    static final String COLLECTION = "feed_interactions";
    /** Authors remembered per person; the most recently added ones are kept. */
    static final int MAX_AUTHORS = 200;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Counts one interaction; callers make it once per activity (ProcessedEvents). */
    public void record(String person, String author) {
        if (person == null || author == null || person.equals(author)) return;
        var counted = collection().updateOne(Filters.and(Filters.eq("_id", person), Filters.eq("w.a", author)),
                Updates.inc("w.$.n", 1));
        if (counted.getMatchedCount() == 0) {
            try {
                collection().updateOne(Filters.and(Filters.eq("_id", person), Filters.ne("w.a", author)),
                        Updates.pushEach("w", List.of(new Document("a", author).append("n", 1)),
                                new PushOptions().slice(-MAX_AUTHORS)),
                        new UpdateOptions().upsert(true));
            } catch (com.mongodb.MongoWriteException e) {
                // created concurrently: count on the document that now exists
                collection().updateOne(Filters.and(Filters.eq("_id", person), Filters.eq("w.a", author)),
                        Updates.inc("w.$.n", 1));
            }
        }
    }

    /** Interactions of the person with each author. */
    public Map<String, Integer> withAuthors(String person) {
        Map<String, Integer> out = new HashMap<>();
        Document d = collection().find(Filters.eq("_id", person)).first();
        if (d != null) {
            for (Document w : d.getList("w", Document.class, List.of())) {
                out.put(w.getString("a"), w.getInteger("n", 0));
            }
        }
        return out;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
