package io.relais.connector.receipt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.relais.connector.ConnectorConfig;
import io.relais.events.EventId;
import io.relais.events.Iri;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receipts by {@code _id} = {@code <source>:<eventId>}, or {@code <source>:<eventId>:<clientId>} for a client whose event
 * id another client of the source used first ({@link #ownId}). Claiming is one conditional write: an insert for a
 * new event, a compare-and-set for a retry, so two concurrent deliveries of one event never both publish.
 *
 * <p>The idempotency key is the client's: {@code (client, source, eventId)}. Event ids are each system's own, so two
 * systems of one source (a second CRM beside Salesforce) may use the same id by chance or on purpose; neither ever
 * suppresses, claims nor rewrites the other's event. The first to use an id keeps the plain {@code <source>:<eventId>}
 * (so a source with one system sees the receipt ids it always had), a later one gets its client-qualified id — an
 * event id holds no {@code :}, so the two can never be confused — and {@link #findOwn} reads either.
 *
 * <p>A batch's receipts are claimed under one <em>pass</em> (an id stored in each receipt, field {@code pass}) and
 * marked published together by ONE insert into {@code receipt_publications} ({@code _id} = the pass, the receipt ids
 * Kafka acknowledged), not by an update of each receipt (issue 18: that update was half of this service's store
 * writes). A receipt still {@code accepted} whose pass lists it reads as {@code published}. A crash between the
 * acknowledgements and that insert leaves the receipts {@code accepted}: a resend is answered "in flight" until
 * they are abandoned (3 × {@code connector.publish-timeout}), then takes them over and publishes the same activity
 * again (same ids: consumers upsert by id), exactly as a crash before the per-receipt mark did.
 *
 * <p>A receipt keeps the digest of what its event said (field {@code digest}, see {@code ingest.ContentDigest}): a
 * resend of the id with the same digest is a duplicate, one with another digest a {@link Conflict} (the id was
 * already used for different content), unless the receipt is {@code failed} or {@code rejected}: that content was
 * never accepted, so the resend takes the receipt over with its own digest.
 */
@ApplicationScoped
public class ReceiptStore {

    static final String COLLECTION = "receipts";
    static final String PUBLICATIONS = "receipt_publications";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    ConnectorConfig config;

    /** What a claim found: a receipt this request now owns, or the receipt of an earlier delivery. */
    public sealed interface Claim {
    }

    /** This request publishes; the receipt carries the activity and object ids to use (the same on every retry). */
    public record Owned(Receipt receipt) implements Claim {
    }

    /** The event was already handled (published or dead-lettered): answer with the original receipt. */
    public record Earlier(Receipt receipt) implements Claim {
    }

    /** Another request is publishing this very event right now. */
    public record InFlight(Receipt receipt) implements Claim {
    }

    /**
     * The event id was already accepted (published, dead-lettered or being published) for different content: the
     * earlier receipt stands, nothing is published.
     */
    public record Conflict(Receipt receipt) implements Claim {
    }

    /**
     * One event of a batch to claim; receipt ids within one call are distinct.
     *
     * @param digest what the event says ({@code ingest.ContentDigest}); null claims without comparing content
     */
    public record ClaimRequest(String receiptId, String source, String eventType, String eventId, String clientId,
                               String givenActivityId, String digest) {
    }

    /**
     * Claims a whole batch with one unordered insert: new events are owned at once; for the ids already taken
     * (duplicate key) the earlier receipts are read with one {@code _id $in}; only a take-over of a failed,
     * rejected or abandoned receipt falls back to the single-event compare-and-set. Keyed by receipt id.
     */
    public Map<String, Claim> claimAll(String pass, List<ClaimRequest> requests) {
        Instant now = Instant.now();
        Map<String, Document> fresh = new LinkedHashMap<>();
        for (ClaimRequest r : requests) fresh.put(r.receiptId(), freshReceipt(r.receiptId(), r.source(), r.eventType(),
                r.eventId(), r.clientId(), r.givenActivityId(), r.digest(), now).append("pass", pass));
        Map<String, Claim> claims = new HashMap<>();
        try {
            collection().insertMany(new ArrayList<>(fresh.values()), new InsertManyOptions().ordered(false));
            fresh.values().forEach(d -> claims.put(d.getString("_id"), new Owned(Receipt.fromDocument(d))));
            return claims;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
            }
        }
        // some ids were taken: read what the store holds now, and tell our inserts (fresh object id) from earlier ones
        List<Document> found = new ArrayList<>();
        collection().find(Filters.in("_id", fresh.keySet())).forEach(found::add);
        Map<String, Receipt> stored = new HashMap<>();
        for (Receipt r : resolve(found)) stored.put(r.receiptId(), r);
        Map<String, String> storedDigests = new HashMap<>();
        for (Document d : found) {
            if (d.getString("digest") != null) storedDigests.put(d.getString("_id"), d.getString("digest"));
        }
        for (ClaimRequest r : requests) {
            Document mine = fresh.get(r.receiptId());
            Receipt existing = stored.get(r.receiptId());
            if (existing != null && mine.getString("objectId").equals(existing.objectId())) {
                claims.put(r.receiptId(), new Owned(Receipt.fromDocument(mine)));
                continue;
            }
            // another client's id: claimed under this client's own id (single-event path, rare)
            Claim settled = existing == null || !r.clientId().equals(existing.clientId()) ? null
                    : settledClaim(existing, storedDigests.get(r.receiptId()), r.digest(), now);
            claims.put(r.receiptId(), settled != null ? settled : claim(r.receiptId(), r.source(), r.eventType(),
                    r.eventId(), r.clientId(), r.givenActivityId(), r.digest(), pass));
        }
        return claims;
    }

    /**
     * The earlier receipt's answer, or null when this request may take it over (failed, rejected, or abandoned with
     * the same content). Content differs only when both digests are known: a receipt stored before digests were
     * (no {@code digest} field) is taken as the same content, so every resend of those events stays a duplicate,
     * as it was when they were accepted.
     *
     * <p>Only the client's own receipt is settled here: another client's is never taken over (a {@code failed} or
     * abandoned one may already be on Kafka under its ids), the claim moves to the client's own id ({@link #ownId}).
     */
    private Claim settledClaim(Receipt earlier, String earlierDigest, String digest, Instant now) {
        if (earlier.state().retryable()) return null;
        // accepted, even abandoned, may already be on Kafka: its content is the one this id stands for
        if (earlierDigest != null && digest != null && !earlierDigest.equals(digest)) return new Conflict(earlier);
        boolean stale = earlier.state() == ReceiptStatus.ACCEPTED
                && earlier.updated().isBefore(now.minus(config.publishTimeout().multipliedBy(3)));
        if (stale) return null;
        return earlier.state() == ReceiptStatus.ACCEPTED ? new InFlight(earlier) : new Earlier(earlier);
    }

    private static Document freshReceipt(String receiptId, String source, String eventType, String eventId,
                                         String clientId, String givenActivityId, String digest, Instant now) {
        String activityId = givenActivityId != null ? givenActivityId : Iri.of(Iri.ACTIVITY, EventId.next());
        Document d = new Document("_id", receiptId).append("source", source).append("eventType", eventType)
                .append("eventId", eventId).append("clientId", clientId).append("status", ReceiptStatus.ACCEPTED.id())
                .append("activityId", activityId).append("objectId", Iri.of(Iri.BUSINESS_EVENT, EventId.next()))
                .append("attempts", 1).append("received", Date.from(now)).append("updated", Date.from(now));
        return digest == null ? d : d.append("digest", digest);
    }

    /** What Kafka acknowledged for one receipt. */
    public record Publication(Receipt receipt, String activityId, String objectId) {
    }

    /** A new pass id: the receipts of one batch are claimed and marked published under it. */
    public static String newPass() {
        return EventId.next();
    }

    /**
     * Marks a pass's acknowledged receipts published with one insert into {@code receipt_publications} (each receipt
     * id, and the object id when it is not the one claimed); returns the receipts as they now read.
     */
    public List<Receipt> markAllPublished(String pass, List<Publication> publications) {
        if (publications.isEmpty()) return List.of();
        Date now = new Date();
        List<Document> entries = new ArrayList<>();
        List<Receipt> published = new ArrayList<>();
        for (Publication p : publications) {
            Receipt r = p.receipt();
            Document entry = new Document("r", r.receiptId());
            if (!p.objectId().equals(r.objectId())) entry.append("o", p.objectId());
            if (!p.activityId().equals(r.activityId())) entry.append("a", p.activityId());
            entries.add(entry);
            published.add(new Receipt(r.receiptId(), r.source(), r.eventType(), r.eventId(), r.clientId(),
                    ReceiptStatus.PUBLISHED.id(), p.activityId(), p.objectId(), null, r.attempts(), r.received(),
                    now.toInstant()));
        }
        publications().insertOne(new Document("_id", pass).append("at", now).append("receipts", entries));
        return published;
    }

    /**
     * The receipts as they read: a stored {@code accepted} receipt that its pass's publication lists is
     * {@code published} (with the pass's time and the published ids). One {@code _id $in} read of the passes.
     */
    private List<Receipt> resolve(List<Document> stored) {
        Set<String> passes = new java.util.HashSet<>();
        for (Document d : stored) {
            if (ReceiptStatus.ACCEPTED.id().equals(d.getString("status")) && d.getString("pass") != null) {
                passes.add(d.getString("pass"));
            }
        }
        Map<String, Document> listed = new HashMap<>();
        Map<String, Date> at = new HashMap<>();
        if (!passes.isEmpty()) {
            publications().find(Filters.in("_id", passes)).forEach(p -> {
                for (Document e : p.getList("receipts", Document.class)) {
                    listed.put(p.getString("_id") + "|" + e.getString("r"), e);
                    at.put(p.getString("_id"), p.getDate("at"));
                }
            });
        }
        List<Receipt> out = new ArrayList<>(stored.size());
        for (Document d : stored) {
            Document e = listed.get(d.getString("pass") + "|" + d.getString("_id"));
            if (e == null || !ReceiptStatus.ACCEPTED.id().equals(d.getString("status"))) {
                out.add(Receipt.fromDocument(d));
                continue;
            }
            Receipt r = Receipt.fromDocument(d);
            out.add(new Receipt(r.receiptId(), r.source(), r.eventType(), r.eventId(), r.clientId(),
                    ReceiptStatus.PUBLISHED.id(), e.get("a", r.activityId()), e.get("o", r.objectId()), null,
                    r.attempts(), r.received(), at.get(d.getString("pass")).toInstant()));
        }
        return out;
    }

    private Receipt resolve(Document stored) {
        return resolve(List.of(stored)).get(0);
    }

    /** Releases receipts claimed for events that were never sent (Kafka down): failed, so a resend takes them over. */
    public void markAllFailed(Set<String> receiptIds, String reason) {
        if (receiptIds.isEmpty()) return;
        collection().updateMany(Filters.in("_id", receiptIds), Updates.combine(
                Updates.set("status", ReceiptStatus.FAILED.id()), Updates.set("reason", reason),
                Updates.set("updated", new Date())));
    }

    /**
     * Claims one event on its own (marked published by {@link #markPublished}).
     *
     * @param digest what the event says ({@code ingest.ContentDigest}): another digest already accepted under this
     *               receipt id is a {@link Conflict}; null claims without comparing content
     */
    public Claim claim(String receiptId, String source, String eventType, String eventId, String clientId,
                       String givenActivityId, String digest) {
        return claim(receiptId, source, eventType, eventId, clientId, givenActivityId, digest, null);
    }

    /** @param pass the batch pass this claim belongs to, or null for an event marked published on its own */
    private Claim claim(String receiptId, String source, String eventType, String eventId, String clientId,
                        String givenActivityId, String digest, String pass) {
        Instant now = Instant.now();
        Document fresh = freshReceipt(receiptId, source, eventType, eventId, clientId, givenActivityId, digest, now);
        if (pass != null) fresh.append("pass", pass);
        String activityId = fresh.getString("activityId");
        for (int round = 0; round < 3; round++) {
            try {
                collection().insertOne(fresh);
                return new Owned(Receipt.fromDocument(fresh));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            }
            Document existing = collection().find(new Document("_id", receiptId)).first();
            if (existing == null) continue; // removed in between: insert again
            Receipt earlier = resolve(existing);
            if (!clientId.equals(earlier.clientId())) {
                // another system used this id first: this client's event is its own, under its own id
                String own = ownId(source, eventId, clientId);
                if (own.equals(receiptId)) throw new IllegalStateException("receipt " + receiptId + " names another client");
                return claim(own, source, eventType, eventId, clientId, givenActivityId, digest, pass);
            }
            Claim settled = settledClaim(earlier, existing.getString("digest"), digest, now);
            if (settled != null) return settled;
            // take over a failed, rejected or abandoned receipt, keeping its ids so a retry publishes the same activity;
            // the compare-and-set names the stored version (an abandoned receipt's pass never listed it)
            Bson sameVersion = Filters.and(Filters.eq("_id", receiptId), Filters.eq("status", existing.getString("status")),
                    Filters.eq("updated", existing.getDate("updated")));
            Document taken = collection().findOneAndUpdate(sameVersion, Updates.combine(
                            Updates.set("status", ReceiptStatus.ACCEPTED.id()),
                            Updates.set("eventType", eventType), Updates.unset("reason"),
                            Updates.set("activityId", earlier.activityId() != null ? earlier.activityId() : activityId),
                            Updates.set("objectId", earlier.objectId() != null ? earlier.objectId() : fresh.getString("objectId")),
                            Updates.set("updated", Date.from(now)), Updates.inc("attempts", 1),
                            // what was never accepted is replaced: the receipt now stands for this content
                            digest != null ? Updates.set("digest", digest) : Updates.unset("digest"),
                            pass != null ? Updates.set("pass", pass) : Updates.unset("pass")),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (taken != null) return new Owned(Receipt.fromDocument(taken));
        }
        throw new IllegalStateException("receipt " + receiptId + " kept changing while being claimed");
    }

    /**
     * Records a rejection, unless the event was already accepted (a bad resend never hides a good delivery) or the
     * receipt is another client's (a system never rewrites, nor reads through its reason, another system's receipt).
     */
    public void recordRejection(String receiptId, String source, String eventType, String eventId, String clientId, String reason) {
        Receipt taken = recordRejectionAt(receiptId, source, eventType, eventId, clientId, reason);
        // another system used the id first: the rejection is recorded under this client's own id
        if (taken != null) recordRejectionAt(ownId(source, eventId, clientId), source, eventType, eventId, clientId, reason);
    }

    /** The rejection at this id, or (nothing written) the receipt another client holds there. */
    private Receipt recordRejectionAt(String receiptId, String source, String eventType, String eventId, String clientId,
                                      String reason) {
        Instant now = Instant.now();
        Document doc = new Document("_id", receiptId).append("source", source).append("eventType", eventType)
                .append("eventId", eventId).append("clientId", clientId).append("status", ReceiptStatus.REJECTED.id())
                .append("reason", reason).append("attempts", 1).append("received", Date.from(now))
                .append("updated", Date.from(now));
        try {
            collection().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            collection().updateOne(Filters.and(Filters.eq("_id", receiptId), Filters.eq("clientId", clientId),
                            Filters.in("status", ReceiptStatus.REJECTED.id(), ReceiptStatus.FAILED.id())),
                    Updates.combine(Updates.set("status", ReceiptStatus.REJECTED.id()), Updates.set("reason", reason),
                            Updates.set("updated", Date.from(now)), Updates.inc("attempts", 1)));
            Document existing = collection().find(new Document("_id", receiptId)).first();
            if (existing != null && !clientId.equals(existing.getString("clientId"))) return Receipt.fromDocument(existing);
        }
        return null;
    }

    /**
     * The id of a client's receipt when another client of the source used the event id first:
     * {@code <source>:<eventId>:<clientId>} (an event id holds no {@code :}, so it is never another event's plain id).
     */
    public static String ownId(String source, String eventId, String clientId) {
        return source + ":" + eventId + ":" + clientId;
    }

    /**
     * A client's receipt by the id it knows: {@code <source>:<eventId>} (or the id its receipt was given), its own
     * whether it was first to use the event id or not; empty when the client has none.
     */
    public Optional<Receipt> findOwn(String receiptId, String clientId) {
        Optional<Receipt> found = find(receiptId);
        if (found.isPresent() && clientId.equals(found.get().clientId())) return found;
        int colon = receiptId.indexOf(':');
        if (colon < 0 || receiptId.indexOf(':', colon + 1) >= 0) return Optional.empty();
        return find(ownId(receiptId.substring(0, colon), receiptId.substring(colon + 1), clientId))
                .filter(r -> clientId.equals(r.clientId()));
    }

    public Receipt mark(String receiptId, ReceiptStatus status, String reason) {
        Bson update = reason == null
                ? Updates.combine(Updates.set("status", status.id()), Updates.unset("reason"), Updates.set("updated", new Date()))
                : Updates.combine(Updates.set("status", status.id()), Updates.set("reason", reason), Updates.set("updated", new Date()));
        Document d = collection().findOneAndUpdate(Filters.eq("_id", receiptId), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Receipt.fromDocument(d);
    }

    /** Published: Kafka acknowledged the activity; the receipt names the object it created or updated. */
    public Receipt markPublished(String receiptId, String activityId, String objectId) {
        Document d = collection().findOneAndUpdate(Filters.eq("_id", receiptId), Updates.combine(
                        Updates.set("status", ReceiptStatus.PUBLISHED.id()), Updates.unset("reason"),
                        Updates.set("activityId", activityId), Updates.set("objectId", objectId),
                        Updates.set("updated", new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Receipt.fromDocument(d);
    }

    /** The receipt as it reads now (a batch's receipt is published once its pass lists it). */
    public Optional<Receipt> find(String receiptId) {
        return Optional.ofNullable(collection().find(new Document("_id", receiptId)).first()).map(this::resolve);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }

    private MongoCollection<Document> publications() {
        return mongo.getDatabase(database).getCollection(PUBLICATIONS);
    }
}
