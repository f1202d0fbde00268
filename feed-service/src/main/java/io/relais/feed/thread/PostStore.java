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
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Audience;
import io.relais.feed.community.PublishedContent;
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
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code posts} collection of {@link Post}s: one document per post or business card, {@code _id} = its IRI, with
 * its counters (reactions per kind, comments) so a feed page is hydrated by one {@code _id $in} read.
 */
@ApplicationScoped
public class PostStore implements PublishedContent {

    /** Where each outbox mark this store writes is noted before the write (a keyed ledger, not a scan). */
    @Inject
    OutboxMarks outboxMarks;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The replica's read-path caches: every write here drops the post it changes (read-your-writes on this replica). */
    @Inject
    ReadCaches caches;

    /** Runs a write of these posts, then drops them from this replica's read caches (also when the write failed midway). */
    private <T> T written(Collection<String> iris, Supplier<T> write) {
        return written(iris, write, result -> iris);
    }

    /**
     * Runs a write, then drops from this replica's read caches the posts {@code changed} says it changed, or all of
     * {@code iris} when the write failed midway.
     */
    private <T> T written(Collection<String> iris, Supplier<T> write, Function<T, Collection<String>> changed) {
        Collection<String> dropped = iris;
        try {
            T result = write.get();
            dropped = changed.apply(result);
            return result;
        } finally {
            if (caches != null) caches.changed(dropped);
        }
    }

    private void written(String iri, Runnable write) {
        written(List.of(iri), () -> {
            write.run();
            return null;
        });
    }

    void declareIndexes(@Observes StartupEvent e) {
        // what a real MongoDB needs for moderation and rebuilds; hot reads here are all by _id
        collection().createIndex(Indexes.ascending("author", "created"));
        collection().createIndex(Indexes.ascending("community", "created"));
    }

    /** The stored post (deleted ones too); empty when unknown. */
    public Optional<Post> find(String iri) {
        return Optional.ofNullable(collection().find(eq("_id", iri)).first()).map(Post::from);
    }

    /** By IRI, in one keyed read; unknown IRIs are left out. */
    public Map<String, Post> findAll(Collection<String> iris) {
        Map<String, Post> out = new HashMap<>();
        if (iris.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", iris))) out.put(d.getString("_id"), Post.from(d));
        return out;
    }

    /**
     * Stores a new post (its IRI must be new) with the outbox record announcing it, in one write; the caller
     * then hands the record to {@link ThreadOutbox#announcePost}.
     */
    public void insert(Post post, OutboxRecord announce) {
        written(post.iri(), () -> collection().insertOne(post.toDocument().append(OutboxMarks.FIELD, outboxMarks.markOf(collection(), post.iri(), announce))));
    }

    /**
     * Replaces the text and what was extracted from it, with the outbox record announcing the edit, in one
     * write; answers the post as it is afterwards (null: unknown).
     */
    public Post edit(String iri, WrittenText text, Instant at, OutboxRecord announce) {
        Document after = written(List.of(iri), () -> collection().findOneAndUpdate(eq("_id", iri),
                Updates.combine(Updates.set("content", text.html()),
                        Updates.set("source", text.source()), Updates.set("mentions", text.mentionIris()),
                        Updates.set("hashtags", text.hashtagIris()), Updates.set("edited", Date.from(at)),
                        outboxMarks.mark(collection(), iri, announce)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return after == null ? null : Post.from(after);
    }

    /**
     * Marks it deleted and empties its text, with the outbox record announcing the deletion, in one write (the
     * document stays, so its IRI keeps answering 404, not another post).
     */
    public void markDeleted(String iri, String by, Instant at, OutboxRecord announce) {
        written(iri, () -> collection().updateOne(eq("_id", iri), Updates.combine(Updates.set("deleted", true),
                Updates.set("content", ""), Updates.set("source", ""), Updates.set("deletedAt", Date.from(at)),
                Updates.set("deletedBy", by), outboxMarks.mark(collection(), iri, announce))));
    }

    @Override
    public boolean anyToTheOrganisationIn(String communityIri) {
        return collection().find(Filters.and(eq("community", communityIri),
                        Filters.or(eq("to", Audience.ORGANISATION), eq("cc", Audience.ORGANISATION))))
                .projection(new Document("_id", 1)).limit(1).first() != null;
    }

    /**
     * Up to {@code limit} posts (not cards) of a community created before {@code cutoff} and not deleted, oldest first (retention;
     * a scan on the embedded store, served by the community_created index on a real MongoDB).
     */
    public List<Post> olderThan(String communityIri, Instant cutoff, int limit) {
        List<Post> out = new ArrayList<>();
        for (Document d : collection().find(Filters.and(eq("community", communityIri), Filters.lt("created", Date.from(cutoff)),
                Filters.ne("deleted", true), Filters.ne("kind", Post.KIND_CARD))).sort(new Document("created", 1)).limit(limit)) out.add(Post.from(d));
        return out;
    }

    /** The posts a person wrote that are not deleted: a scan on the embedded store (a real MongoDB uses author_created). */
    public List<Post> writtenBy(String authorIri) {
        List<Post> out = new ArrayList<>();
        for (Document d : collection().find(Filters.and(eq("author", authorIri), Filters.ne("deleted", true)))) out.add(Post.from(d));
        return out;
    }

    /** The posts not deleted that mention a person: a scan on the embedded store, for a rare erasure. */
    public List<Post> mentioning(String personIri) {
        List<Post> out = new ArrayList<>();
        for (Document d : collection().find(Filters.and(eq("mentions", personIri), Filters.ne("deleted", true)))) out.add(Post.from(d));
        return out;
    }

    /**
     * Replaces the text of a post after an erased person's mention was unlinked from it, and forgets that person among
     * its mentions; answers the post afterwards (null: unknown). Not an edit by its author: {@code edited} is kept.
     */
    public Post unmention(String iri, String personIri, String content, String source) {
        Document after = written(List.of(iri), () -> collection().findOneAndUpdate(eq("_id", iri),
                Updates.combine(Updates.set("content", content), Updates.set("source", source), Updates.pull("mentions", personIri)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return after == null ? null : Post.from(after);
    }

    /**
     * After an erasure, a deleted post keeps nothing of its author: the author becomes {@code formerAuthor}, and the
     * mentions, hashtags and attachments it named are emptied (the text already is, by {@link #markDeleted}).
     */
    public void anonymise(String iri, String formerAuthor) {
        written(iri, () -> collection().updateOne(eq("_id", iri), Updates.combine(Updates.set("author", formerAuthor),
                Updates.set("mentions", List.of()), Updates.set("hashtags", List.of()), Updates.set("attachments", List.of()),
                Updates.set("deletedBy", formerAuthor))));
    }

    /** Records a moderation decision (hide, restore, a keyword rule's hold); answers the post afterwards (null: unknown). */
    public Post moderate(String iri, ModerationMark mark) {
        Document after = written(List.of(iri), () -> collection().findOneAndUpdate(eq("_id", iri),
                Updates.set("moderation", mark.toDocument()), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return after == null ? null : Post.from(after);
    }

    /**
     * Pins or unpins it, with the outbox record announcing that (an Add or Remove) in the same write; the caller
     * then hands the record to {@link ThreadOutbox#announcePost}.
     */
    public void setPinned(String iri, boolean pinned, OutboxRecord announce) {
        written(iri, () -> collection().updateOne(eq("_id", iri), Updates.combine(Updates.set("pinned", pinned),
                outboxMarks.mark(collection(), iri, announce))));
    }

    /**
     * Gives a new comment its position in the thread: the value of {@code commentsAppended} before this call, so
     * parallel comments get distinct positions. {@code counted}: whether readers see it, so the thread's comment
     * count includes it (a comment held by a keyword rule is not counted until a moderator restores it).
     */
    public long appendComment(String rootIri, boolean counted) {
        Document after = written(List.of(rootIri), () -> collection().findOneAndUpdate(eq("_id", rootIri),
                Updates.combine(Updates.inc("commentsAppended", 1), Updates.inc("commentCount", counted ? 1 : 0)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return StoredFields.number(after, "commentsAppended") - 1;
    }

    /** One comment fewer in the thread's count: deleted or hidden (positions are never reused). */
    public void commentRemoved(String rootIri) {
        written(rootIri, () -> collection().updateOne(eq("_id", rootIri), Updates.inc("commentCount", -1)));
    }

    /** One comment more in the thread's count: a hidden or held comment a moderator restored. */
    public void commentRestored(String rootIri) {
        written(rootIri, () -> collection().updateOne(eq("_id", rootIri), Updates.inc("commentCount", 1)));
    }

    /** Moves the reaction counters in one update: {@code from} down and {@code to} up, either may be null. */
    public void moveReaction(String iri, String from, String to) {
        written(iri, () -> collection().updateOne(eq("_id", iri), StoredFields.reactionMove(from, to)));
    }

    /**
     * Upserts cards in the given order (a card's update after its create), one bulk write; see {@link Post#cardUpsert}.
     * The read caches learn of the cards it updated, not of those it created.
     */
    public void upsertCards(List<Post> cards) {
        if (cards.isEmpty()) return;
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>(cards.size());
        cards.forEach(c -> writes.add(new UpdateOneModel<>(eq("_id", c.iri()), c.cardUpsert(), upsert)));
        // a card this write inserted had no earlier value a read could have kept (ReadCaches#createsContent): only the
        // cards it updated changed (a card's Update in the same poll as its Create is one of those)
        written(cards.stream().map(Post::iri).toList(), () -> collection().bulkWrite(writes, new BulkWriteOptions().ordered(true)),
                result -> {
                    Set<Integer> inserted = new HashSet<>();
                    result.getUpserts().forEach(u -> inserted.add(u.getIndex()));
                    List<String> updated = new ArrayList<>();
                    for (int i = 0; i < cards.size(); i++) if (!inserted.contains(i)) updated.add(cards.get(i).iri());
                    return updated;
                });
    }

    /**
     * A card its business system deleted (the connector's {@code Delete} of a {@code Tombstone}): marked deleted, so
     * every read answers 404 as for a deleted post and nobody comments or reacts any more; its text, link and business
     * fields are emptied, keeping only which system and event it was. Unknown card: nothing to do. A later replay of
     * its Create or Update rewrites fields of a card that stays deleted ({@code deleted} is set only on insert there).
     */
    public void deleteCard(String iri, Instant at) {
        written(iri, () -> collection().updateOne(eq("_id", iri), Updates.combine(Updates.set("deleted", true),
                Updates.set("content", ""), Updates.set("deletedAt", Date.from(at)), Updates.set("card.title", new Document()),
                Updates.set("card.summary", new Document()), Updates.set("card.url", null), Updates.set("card.data", new Document()))));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("posts");
    }
}
