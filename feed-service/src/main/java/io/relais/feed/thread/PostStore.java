package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code posts} collection: one document per post or business card, {@code _id} = its IRI, with
 * its counters (reactions per kind, comments) so a feed page is hydrated by one {@code _id $in} read.
 */
@ApplicationScoped
public class PostStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        // what a real MongoDB needs for moderation and rebuilds; hot reads here are all by _id
        collection().createIndex(Indexes.ascending("author", "created"));
        collection().createIndex(Indexes.ascending("community", "created"));
    }

    public Optional<Document> find(String iri) {
        return Optional.ofNullable(collection().find(eq("_id", iri)).first());
    }

    /** By IRI, in one keyed read. */
    public Map<String, Document> findAll(Collection<String> iris) {
        Map<String, Document> out = new HashMap<>();
        if (iris.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", iris))) out.put(d.getString("_id"), d);
        return out;
    }

    public void insert(Document d) {
        collection().insertOne(d);
    }

    public void update(String iri, Bson update) {
        collection().updateOne(eq("_id", iri), update);
    }

    /** Upserts in the given order (a card's update after its create), one bulk write. */
    public void upsertAll(List<Map.Entry<String, Bson>> updates) {
        if (updates.isEmpty()) return;
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
        updates.forEach(u -> writes.add(new UpdateOneModel<>(eq("_id", u.getKey()), u.getValue(), upsert)));
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    /** Applies the update and answers the document as it is afterwards. */
    public Document updateAndGet(String iri, Bson update) {
        return collection().findOneAndUpdate(eq("_id", iri), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("posts");
    }
}
