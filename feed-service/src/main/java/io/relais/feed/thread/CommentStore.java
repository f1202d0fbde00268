package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Iri;
import io.relais.feed.sanitize.WrittenText;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.relais.feed.readcache.ReadCaches;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code comments} collection of {@link Comment}s ({@code _id} = comment IRI) and the thread buckets that order them. A
 * thread is the root post's comments in the order they were written: each comment gets the next position
 * from the post document's counter, and the buckets ({@code threads}, {@code _id} = post IRI + "#" +
 * position / {@value #PER_BUCKET}) list the comment ids by position, so a page is read by {@code _id} only:
 * the buckets it spans, then the comments.
 */
@ApplicationScoped
public class CommentStore {

    static final int PER_BUCKET = 50;

    /** Where each outbox mark this store writes is noted before the write (a keyed ledger, not a scan). */
    @Inject
    OutboxMarks outboxMarks;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * The replica's read-path caches: every write here drops the comment and, when known, its thread's first comments
     * (a comment among those is also dropped through its alias, see {@link ReadCaches#alias}).
     */
    @Inject
    ReadCaches caches;

    private void changed(String iri, String root) {
        if (caches == null) return;
        caches.changed(iri);
        if (root != null) caches.changed(root);
    }

    void declareIndexes(@Observes StartupEvent e) {
        comments().createIndex(Indexes.ascending("post", "position"));
        comments().createIndex(Indexes.ascending("author"));
    }

    /**
     * Stores a new comment with the outbox record announcing it (one write), then lists it at its position
     * in its root post's thread; the caller then hands the record to {@link ThreadOutbox#announceComment}.
     */
    public void insert(Comment comment, OutboxRecord announce) {
        try {
            comments().insertOne(comment.toDocument().append(OutboxMarks.FIELD, outboxMarks.markOf(comments(), comment.iri(), announce)));
            threads().updateOne(eq("_id", bucketId(comment.post(), comment.position() / PER_BUCKET)),
                    Updates.push("e", new Document("p", comment.position()).append("id", comment.iri())),
                    new UpdateOptions().upsert(true));
        } finally {
            changed(comment.iri(), comment.post());
        }
    }

    /** Lists the comment in its thread unless its bucket already does (after a crash between the two writes). */
    void relist(Comment comment) {
        String bucket = bucketId(comment.post(), comment.position() / PER_BUCKET);
        Document b = threads().find(eq("_id", bucket)).first();
        boolean listed = b != null && b.getList("e", Document.class, List.of()).stream()
                .anyMatch(e -> comment.iri().equals(e.getString("id")));
        if (!listed) {
            threads().updateOne(eq("_id", bucket), Updates.push("e", new Document("p", comment.position()).append("id", comment.iri())),
                    new UpdateOptions().upsert(true));
        }
        changed(comment.iri(), comment.post());
    }

    /** The stored comment (deleted ones too); empty when unknown. */
    public Optional<Comment> find(String iri) {
        return Optional.ofNullable(comments().find(eq("_id", iri)).first()).map(Comment::from);
    }

    /** A comment by local id or IRI (deleted ones too); empty when unknown or not a comment IRI. */
    public Optional<Comment> findComment(String idOrIri) {
        String iri;
        try {
            iri = idOrIri.startsWith(Iri.PREFIX) ? idOrIri : Iri.comment(idOrIri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Iri.isKind(iri, Iri.COMMENT) ? find(iri) : Optional.empty();
    }

    /** Replaces the text and what was extracted from it, answering the comment as it is afterwards (null: unknown). */
    public Comment edit(String iri, WrittenText text, Instant at, OutboxRecord announce) {
        comments().updateOne(eq("_id", iri), Updates.combine(Updates.set("content", text.html()),
                Updates.set("source", text.source()), Updates.set("mentions", text.mentionIris()),
                Updates.set("hashtags", text.hashtagIris()), Updates.set("edited", Date.from(at)),
                outboxMarks.mark(comments(), iri, announce)));
        Comment after = find(iri).orElse(null);
        changed(iri, after == null ? null : after.post());
        return after;
    }

    /**
     * Marks it deleted and empties its text, answering it as it was before (empty: unknown). The
     * before-image tells whether this call deleted it, so two parallel deletes lower counters once.
     */
    public Optional<Comment> markDeleted(String iri, Instant at, OutboxRecord announce) {
        Document before = comments().findOneAndUpdate(eq("_id", iri), Updates.combine(Updates.set("deleted", true),
                Updates.set("content", ""), Updates.set("source", ""), Updates.set("deletedAt", Date.from(at)),
                outboxMarks.mark(comments(), iri, announce)));
        changed(iri, before == null ? null : before.getString("post"));
        return Optional.ofNullable(before).map(Comment::from);
    }

    /**
     * Up to {@code limit} comments in a community created before {@code cutoff} and not deleted, oldest first
     * (retention; a scan on the embedded store).
     */
    public List<Comment> olderThan(String communityIri, Instant cutoff, int limit) {
        List<Comment> out = new ArrayList<>();
        for (Document d : comments().find(Filters.and(eq("community", communityIri), Filters.lt("created", java.util.Date.from(cutoff)),
                Filters.ne("deleted", true))).sort(new Document("created", 1)).limit(limit)) out.add(Comment.from(d));
        return out;
    }

    /** The comments a person wrote that are not deleted: a scan on the embedded store, for a rare erasure. */
    public List<Comment> writtenBy(String authorIri) {
        List<Comment> out = new ArrayList<>();
        for (Document d : comments().find(Filters.and(eq("author", authorIri), Filters.ne("deleted", true)))) out.add(Comment.from(d));
        return out;
    }

    /** The comments not deleted that mention a person: a scan on the embedded store, for a rare erasure. */
    public List<Comment> mentioning(String personIri) {
        List<Comment> out = new ArrayList<>();
        for (Document d : comments().find(Filters.and(eq("mentions", personIri), Filters.ne("deleted", true)))) out.add(Comment.from(d));
        return out;
    }

    /** As {@link PostStore#unmention}, for a comment; answers it afterwards (null: unknown). */
    public Comment unmention(String iri, String personIri, String content, String source) {
        comments().updateOne(eq("_id", iri), Updates.combine(Updates.set("content", content), Updates.set("source", source),
                Updates.pull("mentions", personIri)));
        Comment after = find(iri).orElse(null);
        changed(iri, after == null ? null : after.post());
        return after;
    }

    /** After an erasure, a deleted comment keeps nothing of its author (see {@link PostStore#anonymise}). */
    public void anonymise(String iri, String formerAuthor) {
        comments().updateOne(eq("_id", iri), Updates.combine(Updates.set("author", formerAuthor),
                Updates.set("mentions", List.of()), Updates.set("hashtags", List.of())));
        changed(iri, null);
    }

    /**
     * Records a moderation decision (hide, restore, a keyword rule's hold), answering the comment as it was before
     * (empty: unknown): the before-image tells whether this call hid or restored it, so the thread's comment count
     * moves once however many decisions race.
     */
    public Optional<Comment> moderate(String iri, ModerationMark mark) {
        Optional<Comment> before = Optional.ofNullable(comments().findOneAndUpdate(eq("_id", iri),
                Updates.set("moderation", mark.toDocument()))).map(Comment::from);
        changed(iri, before.map(Comment::post).orElse(null));
        return before;
    }

    /** Moves the reaction counters in one update: {@code from} down and {@code to} up, either may be null. */
    public void moveReaction(String iri, String from, String to) {
        comments().updateOne(eq("_id", iri), StoredFields.reactionMove(from, to));
        changed(iri, null);
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
    public List<Comment> load(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, Comment> byId = new HashMap<>();
        for (Document d : comments().find(Filters.in("_id", ids))) byId.put(d.getString("_id"), Comment.from(d));
        List<Comment> out = new ArrayList<>();
        for (String id : ids) {
            Comment c = byId.get(id);
            if (c != null && !c.deleted()) out.add(c);
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
