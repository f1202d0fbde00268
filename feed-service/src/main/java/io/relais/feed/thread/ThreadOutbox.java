package io.relais.feed.thread;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.feed.community.CommunityStore;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Closes the gap between a thread write and its outbox record (issue 16). A post or comment cannot be
 * written in the same store write as the outbox collection, so the change carries its own outbox record:
 * the store writes it into the changed document ({@code announce.<record id>}, {@link OutboxMarks#mark}) in the
 * same write as the content, then {@link #announcePost} or {@link #announceComment} appends it to the outbox and
 * clears the mark. After a crash between the two, {@link #republish} (at start and every
 * {@code feed.outbox.republish-every}, 60 s by default) appends what was marked but not cleared, found through
 * {@link OutboxMarks}' ledger (keyed reads, not a scan of every post). The record keeps its id and payload, so a
 * record appended twice (a crash after the append, before the clear) is the same event twice, which consumers skip
 * by event id.
 */
@ApplicationScoped
public class ThreadOutbox {

    private static final Logger LOG = Logger.getLogger(ThreadOutbox.class);

    @Inject
    OutboxMarks marks;

    @Inject
    CommentStore commentStore;

    @Inject
    CommunityStore communities;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The outbox record of an activity, checked against the contract (400-free: the caller built it). */
    public OutboxRecord record(Activity activity) {
        return marks.record(activity);
    }

    /** Appends the record the store wrote into the post's document, then clears that mark. */
    public void announcePost(String iri, OutboxRecord record) {
        marks.announce(posts(), iri, record);
    }

    /** Appends the record the store wrote into the comment's document, then clears that mark. */
    public void announceComment(String iri, OutboxRecord record) {
        marks.announce(comments(), iri, record);
    }

    /** Drops a comment's mark without announcing it (a parallel delete won and announces the deletion). */
    public void discardComment(String iri, OutboxRecord record) {
        marks.clear(comments(), iri, record);
    }

    /**
     * Appends every record still marked on a post or comment (oldest first per document, so a Create goes
     * before its Update), and clears the marks. Comments are listed in their thread again first, in case the
     * crash came before their thread bucket was written.
     *
     * @return how many records were appended
     */
    public int republish() {
        return republish(Instant.MAX);
    }

    /**
     * Same, for the records marked before {@code writtenBefore} only (the time in the record's id): a younger mark
     * belongs to a request still writing (its comment not yet in its thread bucket, its record not yet appended),
     * and taking it would do that twice — a comment listed twice in its thread (the fault campaign of 2026-11-30,
     * kill -9 feed-service: a periodic pass took 3 marks of requests in flight). At start: the marks left behind
     * by the former process ({@link OutboxMarks#leftBehind}); periodically: those older than {@link OutboxMarks#SETTLED}.
     */
    public int republish(Instant writtenBefore) {
        return marks.republish(posts(), writtenBefore, this::repin)
                + marks.republish(comments(), writtenBefore, this::relist);
    }

    void atStart(@Observes StartupEvent e) {
        marks.adoptMarksBeforeLedger(posts());
        marks.adoptMarksBeforeLedger(comments());
        int n = republish(OutboxMarks.leftBehind());
        if (n > 0) LOG.warnf("re-published %d thread events written but not announced before the last stop", n);
    }

    @Scheduled(every = "{feed.outbox.republish-every:60s}", delayed = "{feed.outbox.republish-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        int n = republish(Instant.now().minus(OutboxMarks.SETTLED));
        if (n > 0) LOG.warnf("re-published %d thread events written but not announced (a failed append)", n);
    }

    /** A comment marked but maybe not yet in its thread bucket (a crash between the two writes) is listed there. */
    private void relist(Document comment, Activity activity) {
        if (!comment.getBoolean("deleted", false)) commentStore.relist(Comment.from(comment));
    }

    /**
     * A post marked with a pin's Add or Remove: the community's pin list is written after the post (a crash between
     * the two leaves the list behind), so it is set again from what the post says now ({@code pinned}).
     */
    private void repin(Document post, Activity activity) {
        boolean pin = (As2.ADD.equals(activity.type()) || As2.REMOVE.equals(activity.type())) && activity.target() != null
                && Iri.isKind(activity.target(), Iri.COMMUNITY);
        if (pin) communities.pin(activity.target(), post.getString("_id"), post.getBoolean("pinned", false));
    }

    private MongoCollection<Document> posts() {
        return mongo.getDatabase(database).getCollection("posts");
    }

    private MongoCollection<Document> comments() {
        return mongo.getDatabase(database).getCollection("comments");
    }
}
