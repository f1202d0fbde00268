package io.relais.kit.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * which consumers skip by event id. Used by feed-service's posts, comments and reactions ({@code ThreadOutbox}),
 * memberships and follows.
 *
 * <p>Where the marks are is kept in a ledger ({@value #LEDGER}: one document per marked record, {@code _id} = the
 * record id, {@code c} = the collection, {@code d} = the marked document's {@code _id}), written before the write
 * that marks and deleted once the mark is cleared, so a pass reads the ledger (the marks in flight and those a crash
 * left: a handful) and each marked document by {@code _id}, never the marked collection whole. The pass used to
 * look for the mark field in every document: a scan of every post and card each minute, which held the posts
 * collection for seconds under ingest (issue 18: home reads waited 1–2.5 s on it). A ledger entry whose write never
 * marked (a conditional write that matched nothing, a crash before it) is dropped by the first pass after
 * {@link #SETTLED}. Marks made before the ledger existed are looked for once per collection, by a scan, when a service
 * first starts with it ({@link #adoptMarksBeforeLedger}).
 */
@ApplicationScoped
public class OutboxMarks {

    /** The field of a changed document holding its records not yet appended, by record id. */
    public static final String FIELD = "announce";

    /** The collection saying where the marks not yet cleared are: {@code {_id: record id, c: collection, d: document _id}}. */
    public static final String LEDGER = "outbox_marks";

    /**
     * The prefix of the ledger's own entries ({@code _id} = this + ":" + collection) saying since when it covers a
     * collection: until one is written, marks may exist there that no ledger entry names, so the first start looks for
     * them by scanning ({@link #adoptMarksBeforeLedger}).
     */
    static final String LEDGER_SINCE = "ledger-since";

    @Inject
    Outbox outbox;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

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

    /**
     * The update that marks the document {@code _id = id} of the collection with a record, to combine with the change
     * in the same write. Writes the record's ledger entry first (one upsert by key), so call it right before that
     * write: a pass then finds the mark through the ledger.
     */
    public Bson mark(MongoCollection<Document> collection, String id, OutboxRecord record) {
        expect(collection, id, record);
        return Updates.set(FIELD + "." + record.id(), record.toDocument());
    }

    /**
     * The {@value #FIELD} field of a document inserted with a record marked on it ({@code {<record id>: record}}),
     * its ledger entry written first, as {@link #mark} does for an update.
     */
    public Document markOf(MongoCollection<Document> collection, String id, OutboxRecord record) {
        expect(collection, id, record);
        return new Document(record.id(), record.toDocument());
    }

    private void expect(MongoCollection<Document> collection, String id, OutboxRecord record) {
        // an upsert: a record marked again (a retried write) keeps one entry
        ledger().replaceOne(eq("_id", record.id()), new Document("_id", record.id())
                .append("c", collection.getNamespace().getCollectionName()).append("d", id), new ReplaceOptions().upsert(true));
    }

    /** Appends the record marked on the document {@code _id = id}, then clears that mark and its ledger entry. */
    public void announce(MongoCollection<Document> collection, String id, OutboxRecord record) {
        try {
            outbox.append(record);
        } catch (MongoWriteException e) {
            // already appended (a crash after the append, before the clear): it is the same record
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        clear(collection, id, record);
    }

    /** Clears a mark without appending its record (a parallel write won and announces its own), and its ledger entry. */
    public void clear(MongoCollection<Document> collection, String id, OutboxRecord record) {
        collection.updateOne(eq("_id", id), Updates.unset(FIELD + "." + record.id()));
        ledger().deleteOne(eq("_id", record.id()));
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
        String name = collection.getNamespace().getCollectionName();
        // the ledger's entries of this collection, by marked document (a non-key filter, on the ledger: a handful)
        Map<String, List<String>> entriesByDocument = new LinkedHashMap<>();
        for (Document entry : ledger().find(eq("c", name))) {
            entriesByDocument.computeIfAbsent(entry.getString("d"), d -> new ArrayList<>()).add(entry.getString("_id"));
        }
        int appended = 0;
        for (Map.Entry<String, List<String>> marked : entriesByDocument.entrySet()) {
            Document d = collection.find(eq("_id", marked.getKey())).first();
            Set<String> left = new HashSet<>(marksOf(d).keySet());
            List<String> announced = republish(collection, d, writtenBefore, repair);
            appended += announced.size();
            announced.forEach(left::remove);
            for (String recordId : marked.getValue()) {
                // an entry whose mark is gone (cleared, or never written: a write that matched nothing, a crash before
                // it) goes once settled; a younger one may belong to a request still writing
                if (!left.contains(recordId) && Instant.ofEpochMilli(EventId.epochMillis(recordId)).isBefore(writtenBefore)) {
                    ledger().deleteOne(eq("_id", recordId));
                }
            }
        }
        return appended;
    }

    private static Document marksOf(Document d) {
        Document mark = d == null ? null : d.get(FIELD, Document.class);
        return mark == null ? new Document() : mark;
    }

    /**
     * Appends the records marked on one document (oldest first), unless one of them is younger than the bound.
     *
     * @return the ids of the records appended
     */
    private List<String> republish(MongoCollection<Document> collection, Document d, Instant before, Repair repair) {
        Map<String, Document> oldestFirst = new TreeMap<>();
        marksOf(d).forEach((id, r) -> { if (r instanceof Document rd) oldestFirst.put(id, rd); });
        if (oldestFirst.values().stream().anyMatch(r -> !markedAt(OutboxRecord.fromDocument(r)).isBefore(before))) {
            return List.of(); // a request is still writing this document: its own steps first, the next pass the rest
        }
        List<String> announced = new ArrayList<>();
        for (Document r : oldestFirst.values()) {
            OutboxRecord record = OutboxRecord.fromDocument(r);
            if (record.payload() != null) repair.redo(d, ActivityJson.read(record.payload()));
            announce(collection, d.getString("_id"), record);
            announced.add(record.id());
        }
        return announced;
    }

    /**
     * Gives each mark written before the ledger existed a ledger entry (one scan of the collection, once per store):
     * the first start of a service with the ledger finds no {@value #LEDGER_SINCE} entry for the collection, looks
     * for marks in it, and writes that entry. Later starts read one document by key.
     *
     * @return how many marks were found
     */
    public int adoptMarksBeforeLedger(MongoCollection<Document> collection) {
        String name = collection.getNamespace().getCollectionName();
        String since = LEDGER_SINCE + ":" + name;
        if (ledger().find(eq("_id", since)).first() != null) return 0;
        int found = 0;
        for (Document d : collection.find(Filters.exists(FIELD))) {
            for (String recordId : marksOf(d).keySet()) {
                ledger().replaceOne(eq("_id", recordId), new Document("_id", recordId).append("c", name)
                        .append("d", d.getString("_id")), new ReplaceOptions().upsert(true));
                found++;
            }
        }
        ledger().replaceOne(eq("_id", since), new Document("_id", since).append("at", new Date()),
                new ReplaceOptions().upsert(true));
        return found;
    }

    private MongoCollection<Document> ledger() {
        return mongo.getDatabase(database).getCollection(LEDGER);
    }
}
