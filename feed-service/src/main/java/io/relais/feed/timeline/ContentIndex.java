package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who wrote which post, card or comment, and where it belongs: learnt from the activities topic by
 * each read-side consumer (an idempotent upsert by object IRI), so that a reply, a reaction or a
 * deletion can be traced back to an author and to the timelines that hold the post.
 */
@ApplicationScoped
public class ContentIndex {

    static final String COLLECTION = "feed_content";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Records the facts of a Create (a replay rewrites the same values, a deletion mark survives it). */
    public Optional<ContentFacts> remember(Activity create) {
        Optional<ContentFacts> facts = ContentFacts.ofCreate(create);
        facts.ifPresent(f -> collection().updateOne(Filters.eq("_id", f.id()),
                new Document("$set", f.toDocument()), new UpdateOptions().upsert(true)));
        return facts;
    }

    public Optional<ContentFacts> find(String objectIri) {
        if (objectIri == null) return Optional.empty();
        return Optional.ofNullable(collection().find(Filters.eq("_id", objectIri)).first()).map(ContentFacts::of);
    }

    public Map<String, ContentFacts> findAll(Collection<String> objectIris) {
        Map<String, ContentFacts> out = new HashMap<>();
        if (objectIris.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", objectIris))) {
            out.put(d.getString("_id"), ContentFacts.of(d));
        }
        return out;
    }

    public void markDeleted(String objectIri) {
        collection().updateOne(Filters.eq("_id", objectIri), Updates.set("del", true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
