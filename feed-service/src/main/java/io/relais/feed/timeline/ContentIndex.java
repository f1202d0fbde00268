package io.relais.feed.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Objects this replica knows the index holds (it wrote them, or read them back): the fan-out and the
     * notification consumers, and live push, each learn the same Creates; the second one to see a Create then
     * neither reads nor writes it again. Bounded (the most recent {@value #KNOWN_MAX} objects, each kept for
     * 30 minutes); an object it no longer remembers costs one {@code _id $in} read, as before.
     */
    private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(KNOWN_MAX)
            .expireAfterWrite(Duration.ofMinutes(30)).build();

    static final int KNOWN_MAX = 100_000;

    /**
     * Records the facts of the batch's Creates not stored yet, in one unordered bulk write (a deletion mark
     * survives a replay); answers the facts of every Create of the batch, in order.
     */
    public List<ContentFacts> rememberAll(List<Activity> activities) {
        return rememberAll(activities, Set.of());
    }

    /**
     * Same, for a caller that has just read the index for these Creates ({@link #appliedBy}) and found
     * {@code readAbsent} missing: those are written without being read again (should another consumer have
     * written one since, the same facts are set again).
     */
    public List<ContentFacts> rememberAll(List<Activity> activities, Set<String> readAbsent) {
        List<ContentFacts> all = new ArrayList<>();
        for (Activity a : activities) {
            if (!As2.CREATE.equals(a.type())) continue; // a Like or Delete names the post as its object too
            ContentFacts.ofCreate(a).ifPresent(all::add);
        }
        // several consumers learn the same Creates: the facts of a Create never change, so what is stored stays
        Set<String> unsure = new LinkedHashSet<>();
        for (ContentFacts f : all) {
            if (stored.getIfPresent(f.id()) == null) unsure.add(f.id());
        }
        if (unsure.isEmpty()) return all;
        Set<String> known = new HashSet<>();
        Set<String> toRead = new LinkedHashSet<>(unsure);
        toRead.removeAll(readAbsent);
        if (!toRead.isEmpty()) {
            collection().find(Filters.in("_id", toRead)).projection(new Document("_id", 1)).forEach(d -> known.add(d.getString("_id")));
        }
        List<WriteModel<Document>> upserts = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (ContentFacts f : all) {
            if (unsure.contains(f.id()) && known.add(f.id())) {
                upserts.add(new UpdateOneModel<>(Filters.eq("_id", f.id()), new Document("$set", f.toDocument()), upsert));
            }
        }
        if (!upserts.isEmpty()) collection().bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        unsure.forEach(id -> stored.put(id, Boolean.TRUE));
        return all;
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
            stored.put(d.getString("_id"), Boolean.TRUE);
        }
        return out;
    }

    /**
     * The facts of an object as one consumer last applied them: its Create's, or those of the last Update
     * that consumer applied ({@code u.<consumer>}: audience, hashtags, mentions). Each consumer keeps its own
     * version because consumers read the topic independently: a diff against a version another consumer
     * already moved would find nothing to change.
     */
    public Map<String, ContentFacts> appliedBy(Collection<String> objectIris, String consumer) {
        Map<String, ContentFacts> out = new HashMap<>();
        if (objectIris.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", objectIris))) {
            out.put(d.getString("_id"), ContentFacts.of(d, consumer));
            stored.put(d.getString("_id"), Boolean.TRUE);
        }
        return out;
    }

    /**
     * What {@link #appliedBy} answers, with the objects that consumer has begun applying ({@link #markBegun}).
     *
     * @param facts the facts as the consumer last applied them, by object IRI (objects the index lacks are absent)
     * @param begun the IRIs of those the consumer marked as begun
     */
    public record Applied(Map<String, ContentFacts> facts, Set<String> begun) {
    }

    /** {@link #appliedBy}, telling too which of the objects {@code consumer} has begun applying (one read). */
    public Applied appliedAndBegun(Collection<String> objectIris, String consumer) {
        Map<String, ContentFacts> facts = new HashMap<>();
        Set<String> begun = new HashSet<>();
        if (objectIris.isEmpty()) return new Applied(facts, begun);
        for (Document d : collection().find(Filters.in("_id", objectIris))) {
            String id = d.getString("_id");
            facts.put(id, ContentFacts.of(d, consumer));
            if (d.get(BEGUN) instanceof Document marks && Boolean.TRUE.equals(marks.get(consumer))) begun.add(id);
            stored.put(id, Boolean.TRUE);
        }
        return new Applied(facts, begun);
    }

    /**
     * Marks, before {@code consumer} writes anything of these objects anywhere, that it has begun applying them
     * ({@code b.<consumer>: true}), in one unordered bulk write; the facts of those in {@code absent} (just read
     * missing by {@link #appliedAndBegun}) are written with their mark. An object without the mark therefore has
     * nothing of that consumer's in the store yet: the fan-out pushes its timeline entries without first reading
     * which ones the buckets hold, and reads them again only for marked objects (a replay, or a crash mid-way).
     */
    public void markBegun(Collection<ContentFacts> objects, Set<String> absent, String consumer) {
        if (objects.isEmpty()) return;
        List<WriteModel<Document>> marks = new ArrayList<>(objects.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (ContentFacts f : objects) {
            if (absent.contains(f.id())) {
                marks.add(new UpdateOneModel<>(Filters.eq("_id", f.id()),
                        new Document("$set", f.toDocument().append(BEGUN + "." + consumer, true)), upsert));
            } else {
                marks.add(new UpdateOneModel<>(Filters.eq("_id", f.id()), Updates.set(BEGUN + "." + consumer, true)));
            }
        }
        collection().bulkWrite(marks, new BulkWriteOptions().ordered(false));
        objects.forEach(f -> stored.put(f.id(), Boolean.TRUE));
    }

    /** The field holding, per consumer, the mark that it has begun applying an object ({@link #markBegun}). */
    static final String BEGUN = "b";

    /** Records that a consumer applied this version of an object (an Update's audience, hashtags, mentions, and its time). */
    public void markApplied(ContentFacts facts, String consumer) {
        collection().updateOne(Filters.eq("_id", facts.id()), Updates.set("u." + consumer, new Document("v", facts.audience())
                .append("to", facts.to()).append("h", facts.hashtags()).append("m", facts.mentions())
                .append("at", facts.version())));
    }

    public void markDeleted(String objectIri) {
        collection().updateOne(Filters.eq("_id", objectIri), Updates.set("del", true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
