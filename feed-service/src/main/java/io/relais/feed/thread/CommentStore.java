package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Iri;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code comments} collection ({@code _id} = comment IRI) and the thread buckets that order them. A
 * thread is the root post's comments in the order they were written: each comment gets the next position
 * from the post document's counter, and the buckets ({@code threads}, {@code _id} = post IRI + "#" +
 * position / {@value #PER_BUCKET}) list the comment ids by position, so a page is read by {@code _id} only:
 * the buckets it spans, then the comments.
 */
@ApplicationScoped
public class CommentStore {

    static final int PER_BUCKET = 50;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        comments().createIndex(Indexes.ascending("post", "position"));
        comments().createIndex(Indexes.ascending("author"));
    }

    /** Stores a new comment and lists it at its position in its thread. */
    public void insert(Document comment, String rootIri, long position) {
        comments().insertOne(comment);
        threads().updateOne(eq("_id", bucketId(rootIri, position / PER_BUCKET)),
                Updates.push("e", new Document("p", position).append("id", comment.getString("_id"))),
                new UpdateOptions().upsert(true));
    }

    public Document find(String iri) {
        return comments().find(eq("_id", iri)).first();
    }

    /** A comment by local id or IRI; null when unknown or not a comment IRI. */
    public Document findComment(String idOrIri) {
        String iri;
        try {
            iri = idOrIri.startsWith(Iri.PREFIX) ? idOrIri : Iri.comment(idOrIri);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Iri.isKind(iri, Iri.COMMENT) ? find(iri) : null;
    }

    /** One update of a comment (an edit, or its reaction counters moved by {@code $inc}). */
    public void update(String iri, Bson update) {
        comments().updateOne(eq("_id", iri), update);
    }

    /** Applies the update and answers the comment as it was before (null: unknown). */
    public Document updateAndGetBefore(String iri, Bson update) {
        return comments().findOneAndUpdate(eq("_id", iri), update);
    }

    /** The comment ids at positions {@code [from, to)} of a thread, in order. */
    public List<String> idsAt(String rootIri, long from, long to) {
        List<String> bucketIds = new ArrayList<>();
        for (long b = from / PER_BUCKET; b <= (to - 1) / PER_BUCKET; b++) bucketIds.add(bucketId(rootIri, b));
        List<Document> entries = new ArrayList<>();
        for (Document bucket : threads().find(Filters.in("_id", bucketIds))) {
            for (Document e : bucket.getList("e", Document.class, List.of())) {
                long p = StoredFields.number(e, "p");
                if (p >= from && p < to) entries.add(e);
            }
        }
        entries.sort(Comparator.comparingLong(e -> StoredFields.number(e, "p")));
        return entries.stream().map(e -> e.getString("id")).toList();
    }

    /** The first {@code each} comment ids of each thread, oldest first, from one read of first buckets. */
    public List<String> firstIds(Collection<String> rootIris, int each) {
        List<String> out = new ArrayList<>();
        if (rootIris.isEmpty()) return out;
        List<String> bucketIds = rootIris.stream().map(r -> bucketId(r, 0)).toList();
        for (Document bucket : threads().find(Filters.in("_id", bucketIds))) {
            bucket.getList("e", Document.class, List.of()).stream()
                    .sorted(Comparator.comparingLong(e -> StoredFields.number(e, "p")))
                    .limit(each)
                    .forEach(e -> out.add(e.getString("id")));
        }
        return out;
    }

    /** Comments in the given order, deleted ones left out. */
    public List<Document> load(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, Document> byId = new HashMap<>();
        for (Document d : comments().find(Filters.in("_id", ids))) byId.put(d.getString("_id"), d);
        List<Document> out = new ArrayList<>();
        for (String id : ids) {
            Document d = byId.get(id);
            if (d != null && !d.getBoolean("deleted", false)) out.add(d);
        }
        return out;
    }

    private static String bucketId(String rootIri, long bucket) {
        return rootIri + "#" + bucket;
    }

    private MongoCollection<Document> comments() {
        return mongo.getDatabase(database).getCollection("comments");
    }

    private MongoCollection<Document> threads() {
        return mongo.getDatabase(database).getCollection("threads");
    }
}
