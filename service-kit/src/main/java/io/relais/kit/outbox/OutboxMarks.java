package io.relais.kit.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.ActivityValidator;
import io.relais.events.EventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;

/**
 * A change and its outbox record in ONE store write (issue 16), for changes that live in a document other than
 * the outbox collection (the store has no multi-document transactions): the write that makes the change also
 * sets {@code announce.<record id>} = the record on the changed document ({@link #mark}); the caller then makes
 * its follow-up writes (rosters, counters) and calls {@link #announce}, which appends the record to the outbox and
 * clears the mark. After a crash anywhere in between, {@link #republish} finds the mark, lets the caller redo its
 * follow-up writes idempotently ({@link Repair}), appends the record and clears the mark. The record keeps its id
 * and payload, so a record appended twice (a crash after the append, before the clear) is the same event twice,
 * which consumers skip by event id. The shape is feed-service's {@code ThreadOutbox} for posts, comments and
 * reactions, shared here for the other writers.
 */
@ApplicationScoped
public class OutboxMarks {

    /** The field of a changed document holding its records not yet appended, by record id. */
    public static final String FIELD = "announce";

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "relais.outbox.source", defaultValue = "/relais/service")
    String source;

    /** What a writer redoes for a marked record before it is appended (must be idempotent). */
    @FunctionalInterface
    public interface Repair {
        /**
         * @param document the changed document as stored now (the change is in it, or a later one is)
         * @param activity the activity of the marked record
         */
        void redo(Document document, Activity activity);
    }

    /**
     * How old a mark must be before a periodic pass takes it: a younger one belongs to a request still making its
     * follow-up writes (taking it would redo them twice: a comment listed twice in its thread, found in the fault
     * campaign of 2026-11-30, kill -9 feed-service phase).
     */
    public static final Duration SETTLED = Duration.ofSeconds(30);

    /** When the record was built (the time in its UUIDv7 id), whatever time its activity carries. */
    public static Instant markedAt(OutboxRecord record) {
        return Instant.ofEpochMilli(EventId.epochMillis(record.id()));
    }

    /**
     * The bound of the pass at start: marks made before this process started (no request of this process can own
     * them) and at least {@link #SETTLED} ago (another replica's requests may still own younger ones).
     */
    public static Instant leftBehind() {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant settled = Instant.now().minus(SETTLED);
        return started.isBefore(settled) ? started : settled;
    }

    /** The outbox record of an activity, checked against the event contract (the caller built it). */
    public OutboxRecord record(Activity activity) {
        ActivityValidator.requireValid(activity);
        return OutboxRecord.activity(activity, source);
    }

    /** The update that marks a document with a record, to combine with the change in the same write. */
    public static Bson mark(OutboxRecord record) {
        return Updates.set(FIELD + "." + record.id(), record.toDocument());
    }

    /** Appends the record marked on the document {@code _id = id}, then clears that mark. */
    public void announce(MongoCollection<Document> collection, String id, OutboxRecord record) {
        try {
            outbox.append(record);
        } catch (MongoWriteException e) {
            // already appended (a crash after the append, before the clear): it is the same record
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        collection.updateOne(eq("_id", id), Updates.unset(FIELD + "." + record.id()));
    }

    /**
     * Appends every record marked on the collection's documents at least {@code minAge} ago (oldest first per
     * document), after {@code repair} redid the writer's follow-up writes, and clears the marks. A document with a
     * younger mark belongs to a request that may still be making its follow-up writes: the next pass takes it.
     *
     * @return how many records were appended
     */
    public int republish(MongoCollection<Document> collection, Duration minAge, Repair repair) {
        return republish(collection, Instant.now().minus(minAge), repair);
    }

    /**
     * Same, for the records marked before {@code writtenBefore} (the time in the record's UUIDv7 id, when the
     * writer built it): at start, those older than this process and than {@link #SETTLED} ({@link #leftBehind}).
     */
    public int republish(MongoCollection<Document> collection, Instant writtenBefore, Repair repair) {
        Instant before = writtenBefore;
        List<Document> marked = new ArrayList<>();
        collection.find(Filters.exists(FIELD)).forEach(marked::add);
        int appended = 0;
        for (Document d : marked) {
            Document mark = d.get(FIELD, Document.class);
            if (mark == null || mark.isEmpty()) continue;
            Map<String, Document> oldestFirst = new TreeMap<>();
            mark.forEach((id, r) -> { if (r instanceof Document rd) oldestFirst.put(id, rd); });
            if (oldestFirst.values().stream().anyMatch(r -> !markedAt(OutboxRecord.fromDocument(r)).isBefore(before))) {
                continue; // a request is still writing this document: its own steps first, the next pass the rest
            }
            for (Document r : oldestFirst.values()) {
                OutboxRecord record = OutboxRecord.fromDocument(r);
                if (record.payload() != null) repair.redo(d, ActivityJson.read(record.payload()));
                announce(collection, d.getString("_id"), record);
                appended++;
            }
        }
        return appended;
    }
}
