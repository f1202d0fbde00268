package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often a person has reacted to or commented on each author's content: the "past interactions"
 * part of feed affinity. One document per person with a bounded list of {author, count}.
 */
@ApplicationScoped
public class Interactions {

    private static final Logger LOG = Logger.getLogger(Interactions.class);

    static final String COLLECTION = "feed_interactions";
    /** Authors remembered per person; the most recently added ones are kept. */
    static final int MAX_AUTHORS = 200;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** One interaction of a person with an author. */
    public record Interaction(String person, String author) {
    }

    /**
     * Counts a batch of interactions (callers filter replays with ProcessedEvents): one {@code _id $in}
     * read of the people's documents, then one unordered bulk write of {@code $inc} for authors already
     * counted and {@code $push} for new ones.
     */
    public void recordAll(List<Interaction> batch) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Interaction i : batch) {
            if (i.person() == null || i.author() == null || i.person().equals(i.author())) continue;
            counts.computeIfAbsent(i.person(), p -> new LinkedHashMap<>()).merge(i.author(), 1, Integer::sum);
        }
        if (counts.isEmpty()) return;
        Map<String, Set<String>> known = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", counts.keySet()))) {
            Set<String> authors = new HashSet<>();
            d.getList("w", Document.class, List.of()).forEach(w -> authors.add(w.getString("a")));
            known.put(d.getString("_id"), authors);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        counts.forEach((person, byAuthor) -> {
            Set<String> counted = known.getOrDefault(person, Set.of());
            List<Document> fresh = new ArrayList<>();
            byAuthor.forEach((author, n) -> {
                if (counted.contains(author)) {
                    // filter by _id alone (the embedded store scans for anything more); arrayFilters pick the author
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", person), Updates.inc("w.$[x].n", n),
                            new UpdateOptions().arrayFilters(List.of(Filters.eq("x.a", author)))));
                } else {
                    fresh.add(new Document("a", author).append("n", n));
                }
            });
            if (!fresh.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", person),
                        Updates.pushEach("w", fresh, new PushOptions().slice(-MAX_AUTHORS)), upsert));
            }
        });
        try {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // another replica created a document first: affinity is a ranking hint, one lost count is harmless
            LOG.debugf("interactions: %d writes collided", e.getWriteErrors().size());
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
