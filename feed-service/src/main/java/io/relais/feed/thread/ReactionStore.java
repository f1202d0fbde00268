package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
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

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code reactions} collection: one document per (object, person), {@code _id} = object IRI + "|" +
 * person IRI, holding {@code object}, {@code post} (the root), {@code person}, {@code kind}, {@code activity}
 * (the Like's IRI) and {@code at}. Keyed by {@code _id} so "mine" for a page is one read.
 */
@ApplicationScoped
public class ReactionStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        collection().createIndex(Indexes.ascending("object"));
    }

    /** The {@code _id} of a person's reaction to an object. */
    public static String id(String objectIri, String personIri) {
        return objectIri + "|" + personIri;
    }

    public Document find(String id) {
        return collection().find(eq("_id", id)).first();
    }

    /** Reactions by {@code _id}, in one read (unknown ids are left out). */
    public List<Document> findAll(Collection<String> ids) {
        List<Document> out = new ArrayList<>();
        if (ids.isEmpty()) return out;
        collection().find(Filters.in("_id", ids)).forEach(out::add);
        return out;
    }

    /** The one conditional write of a reaction change (the caller chooses upsert and which image to answer). */
    public Document findOneAndUpdate(String id, Bson update, FindOneAndUpdateOptions options) {
        return collection().findOneAndUpdate(eq("_id", id), update, options);
    }

    /** Removes the reaction, answering it as it was (null: there was none). */
    public Document findOneAndDelete(String id) {
        return collection().findOneAndDelete(eq("_id", id));
    }

    /** Every reaction of one person: a scan of the collection on the embedded store, for a rare erasure. */
    public List<Document> byPerson(String personIri) {
        List<Document> out = new ArrayList<>();
        collection().find(eq("person", personIri)).forEach(out::add);
        return out;
    }

    /** The viewer's own reaction kind per object IRI, in one keyed read. */
    public Map<String, String> myReactions(Collection<String> objectIris, String personIri) {
        Map<String, String> out = new HashMap<>();
        if (objectIris.isEmpty()) return out;
        List<String> ids = objectIris.stream().map(o -> id(o, personIri)).toList();
        for (Document d : collection().find(Filters.in("_id", ids))) out.put(d.getString("object"), d.getString("kind"));
        return out;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("reactions");
    }
}
