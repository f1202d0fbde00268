package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Iri;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.relais.feed.readcache.ReadCaches;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reactions, kept in the document of the post or comment they are about: {@code reactedBy.<person key>} =
 * {@code {person, kind, activity, at}} (who reacted, with what, under which Like), next to the counters
 * {@code reactions.<kind>}. A reaction change is ONE conditional update of that document that moves the
 * roster entry, the counters and the outbox marks ({@code announce.<record id>}, see {@link ThreadOutbox})
 * together (issue 16, finding F1: four separate writes left counters above the people listed after a crash).
 * The update is conditional on the entry the caller read (by its Like's IRI, or its absence), so a replay or a
 * parallel change cannot count twice: the loser's update matches nothing and it reads again.
 *
 * <p>The person key is the person IRI with {@code %}, {@code .} and {@code $} percent-encoded (field names
 * may not hold dots); the entry keeps the IRI itself.
 */
@ApplicationScoped
public class ReactionStore {

    private static final Logger LOG = Logger.getLogger(ReactionStore.class);
    static final String REACTED_BY = "reactedBy";

    /** Where each outbox mark this store writes is noted before the write (a keyed ledger, not a scan). */
    @Inject
    OutboxMarks outboxMarks;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The replica's read-path caches, told of every reaction written here. */
    @Inject
    ReadCaches caches;

    /**
     * One person's reaction to a post or comment.
     *
     * @param person   the person IRI
     * @param kind     the reaction kind on the wire ({@code like}, {@code celebrate}…)
     * @param activity the IRI of the Like that announced it (its Undo names it)
     * @param at       when it was given (milliseconds)
     */
    public record Reaction(String person, String kind, String activity, Instant at) {

        static Reaction from(Document d) {
            Date at = d.getDate("at");
            return new Reaction(d.getString("person"), d.getString("kind"), d.getString("activity"),
                    at == null ? null : at.toInstant());
        }

        Document toDocument() {
            return new Document("person", person).append("kind", kind).append("activity", activity)
                    .append("at", at == null ? null : Date.from(at));
        }
    }

    /** The person's reaction to the object (a post or comment IRI); null when none. */
    public Reaction find(String objectIri, String personIri) {
        String field = field(personIri);
        Document d = collectionOf(objectIri).find(eq("_id", objectIri)).projection(Projections.include(field)).first();
        Document entry = d == null ? null : entry(d, personIri);
        return entry == null ? null : Reaction.from(entry);
    }

    /** Everyone's reaction to the object, in the order they were first given; empty when none or unknown. */
    public List<Reaction> all(String objectIri) {
        Document d = collectionOf(objectIri).find(eq("_id", objectIri)).projection(Projections.include(REACTED_BY)).first();
        List<Reaction> out = new ArrayList<>();
        Document roster = d == null ? null : d.get(REACTED_BY, Document.class);
        if (roster != null) roster.values().forEach(v -> { if (v instanceof Document e) out.add(Reaction.from(e)); });
        return out;
    }

    /**
     * Gives or replaces the person's reaction, in one write: the entry, the counters ({@code replaced}'s kind
     * down, the new one up) and the outbox marks (the Undo of the replaced Like, if any, then the new Like).
     *
     * @param replaced the entry the caller read (null: none); the write happens only if it is still the one stored
     * @param marks    the outbox records this change announces, oldest first
     * @return false when the stored entry was no longer {@code replaced} (nothing written: read again)
     */
    public boolean put(String objectIri, Reaction reaction, Reaction replaced, List<OutboxRecord> marks) {
        String field = field(reaction.person());
        List<Bson> update = new ArrayList<>();
        update.add(Updates.set(field, reaction.toDocument()));
        if (replaced == null || !replaced.kind().equals(reaction.kind())) {
            update.add(Updates.inc("reactions." + reaction.kind(), 1));
            if (replaced != null) update.add(Updates.inc("reactions." + replaced.kind(), -1));
        }
        marks.forEach(r -> update.add(outboxMarks.mark(collectionOf(objectIri), objectIri, r)));
        try {
            return collectionOf(objectIri).updateOne(Filters.and(eq("_id", objectIri), unchanged(field, replaced)),
                    Updates.combine(update)).getModifiedCount() == 1;
        } finally {
            changed(objectIri, reaction.person());
        }
    }

    /**
     * Removes the person's reaction, in one write: the entry, its counter and the outbox mark of its Undo.
     *
     * @param removed the entry the caller read; the write happens only if it is still the one stored
     * @return false when the stored entry was no longer {@code removed} (nothing written: read again)
     */
    public boolean remove(String objectIri, Reaction removed, OutboxRecord undo) {
        String field = field(removed.person());
        try {
            return collectionOf(objectIri).updateOne(Filters.and(eq("_id", objectIri), unchanged(field, removed)),
                    Updates.combine(Updates.unset(field), Updates.inc("reactions." + removed.kind(), -1),
                            outboxMarks.mark(collectionOf(objectIri), objectIri, undo))).getModifiedCount() == 1;
        } finally {
            changed(objectIri, removed.person());
        }
    }

    /**
     * Every reaction of one person, by the post or comment IRI it is about: a scan of posts and comments on the
     * embedded store (no index on roster fields), for a rare erasure or data export (issue 15).
     */
    public Map<String, Reaction> byPerson(String personIri) {
        String field = field(personIri);
        Map<String, Reaction> out = new java.util.LinkedHashMap<>();
        for (String name : List.of("posts", "comments")) {
            collection(name).find(Filters.exists(field)).projection(Projections.include(field))
                    .forEach(d -> { Document e = entry(d, personIri); if (e != null) out.put(d.getString("_id"), Reaction.from(e)); });
        }
        return out;
    }

    /**
     * Moves reactions stored by earlier versions (one document per reaction in the {@code reactions} collection,
     * already counted in the post or comment) into the reacted document's roster, at start. Each is added only if the
     * person has no entry yet, counters are left as they are, and the old document is removed once moved, so the
     * move is idempotent and done once.
     *
     * @return how many were moved
     */
    public int moveLegacyReactions() {
        MongoCollection<Document> legacy = collection("reactions");
        List<Document> all = new ArrayList<>();
        legacy.find().forEach(all::add);
        for (Document r : all) {
            String object = r.getString("object"), person = r.getString("person");
            if (object != null && person != null && r.getString("kind") != null) {
                Reaction moved = new Reaction(person, r.getString("kind"), r.getString("activity"),
                        r.getDate("at") == null ? null : r.getDate("at").toInstant());
                collectionOf(object).updateOne(Filters.and(eq("_id", object), Filters.exists(field(person), false)),
                        Updates.set(field(person), moved.toDocument()));
            }
            legacy.deleteOne(eq("_id", r.get("_id")));
        }
        return all.size();
    }

    void atStart(@Observes StartupEvent e) {
        int moved = moveLegacyReactions();
        if (moved > 0) LOG.infof("moved %d reactions from the former reactions collection into their posts and comments", moved);
    }

    /** The viewer's own reaction kind per object IRI (posts and comments alike), in one keyed read per collection. */
    public Map<String, String> myReactions(Collection<String> objectIris, String personIri) {
        Map<String, String> out = new HashMap<>();
        if (objectIris.isEmpty()) return out;
        List<String> comments = objectIris.stream().filter(ReactionStore::isComment).toList();
        List<String> posts = objectIris.stream().filter(i -> !isComment(i)).toList();
        mine(collection("posts"), posts, personIri, out);
        mine(collection("comments"), comments, personIri, out);
        return out;
    }

    private void mine(MongoCollection<Document> collection, List<String> iris, String personIri, Map<String, String> out) {
        if (iris.isEmpty()) return;
        for (Document d : collection.find(Filters.in("_id", iris)).projection(Projections.include(field(personIri)))) {
            Document entry = entry(d, personIri);
            if (entry != null) out.put(d.getString("_id"), entry.getString("kind"));
        }
    }

    /** The condition that the stored entry is still the one read: the same Like, or still none. */
    private static Bson unchanged(String field, Reaction read) {
        return read == null ? Filters.exists(field, false) : eq(field + ".activity", read.activity());
    }

    private static Document entry(Document d, String personIri) {
        Document roster = d.get(REACTED_BY, Document.class);
        return roster == null ? null : roster.get(key(personIri), Document.class);
    }

    private static String field(String personIri) {
        return REACTED_BY + "." + key(personIri);
    }

    /** The field name of a person's entry: the IRI with the characters field names may not hold encoded. */
    static String key(String personIri) {
        return personIri.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static boolean isComment(String iri) {
        return Iri.isKind(iri, Iri.COMMENT);
    }

    /**
     * The object's counters and the person's own reactions changed: both leave this replica's read caches (a comment
     * among its thread's first comments through its alias, see {@link ReadCaches#alias}).
     */
    private void changed(String objectIri, String personIri) {
        if (caches == null) return;
        caches.changed(objectIri);
        caches.changed(personIri);
    }

    private MongoCollection<Document> collectionOf(String objectIri) {
        return collection(isComment(objectIri) ? "comments" : "posts");
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }
}
