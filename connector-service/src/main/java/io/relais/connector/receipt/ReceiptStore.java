package io.relais.connector.receipt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
import java.util.Date;
import java.util.Optional;

/**
 * Receipts by {@code _id} = {@code <source>:<eventId>}. Claiming is one conditional write: an insert for a
 * new event, a compare-and-set for a retry, so two concurrent deliveries of one event never both publish.
 */
@ApplicationScoped
public class ReceiptStore {

    static final String COLLECTION = "receipts";

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

    public Claim claim(String receiptId, String source, String eventType, String eventId, String clientId,
                       String givenActivityId) {
        Instant now = Instant.now();
        String activityId = givenActivityId != null ? givenActivityId : Iri.of(Iri.ACTIVITY, EventId.next());
        Document fresh = new Document("_id", receiptId).append("source", source).append("eventType", eventType)
                .append("eventId", eventId).append("clientId", clientId).append("status", ReceiptStatus.ACCEPTED.id())
                .append("activityId", activityId).append("objectId", Iri.of(Iri.BUSINESS_EVENT, EventId.next()))
                .append("attempts", 1).append("received", Date.from(now)).append("updated", Date.from(now));
        for (int round = 0; round < 3; round++) {
            try {
                collection().insertOne(fresh);
                return new Owned(Receipt.fromDocument(fresh));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            }
            Document existing = collection().find(new Document("_id", receiptId)).first();
            if (existing == null) continue; // removed in between: insert again
            Receipt earlier = Receipt.fromDocument(existing);
            boolean stale = earlier.state() == ReceiptStatus.ACCEPTED
                    && earlier.updated().isBefore(now.minus(config.publishTimeout().multipliedBy(3)));
            if (!earlier.state().retryable() && !stale) {
                return earlier.state() == ReceiptStatus.ACCEPTED ? new InFlight(earlier) : new Earlier(earlier);
            }
            // take over a failed, rejected or abandoned receipt, keeping its ids so a retry publishes the same activity
            Bson sameVersion = Filters.and(Filters.eq("_id", receiptId), Filters.eq("status", earlier.status()),
                    Filters.eq("updated", Date.from(earlier.updated())));
            Document taken = collection().findOneAndUpdate(sameVersion, Updates.combine(
                            Updates.set("status", ReceiptStatus.ACCEPTED.id()), Updates.set("clientId", clientId),
                            Updates.set("eventType", eventType), Updates.unset("reason"),
                            Updates.set("activityId", earlier.activityId() != null ? earlier.activityId() : activityId),
                            Updates.set("objectId", earlier.objectId() != null ? earlier.objectId() : fresh.getString("objectId")),
                            Updates.set("updated", Date.from(now)), Updates.inc("attempts", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (taken != null) return new Owned(Receipt.fromDocument(taken));
        }
        throw new IllegalStateException("receipt " + receiptId + " kept changing while being claimed");
    }

    /** Records a rejection, unless the event was already accepted (a bad resend never hides a good delivery). */
    public void recordRejection(String receiptId, String source, String eventType, String eventId, String clientId, String reason) {
        Instant now = Instant.now();
        Document doc = new Document("_id", receiptId).append("source", source).append("eventType", eventType)
                .append("eventId", eventId).append("clientId", clientId).append("status", ReceiptStatus.REJECTED.id())
                .append("reason", reason).append("attempts", 1).append("received", Date.from(now))
                .append("updated", Date.from(now));
        try {
            collection().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
            collection().updateOne(Filters.and(Filters.eq("_id", receiptId),
                            Filters.in("status", ReceiptStatus.REJECTED.id(), ReceiptStatus.FAILED.id())),
                    Updates.combine(Updates.set("status", ReceiptStatus.REJECTED.id()), Updates.set("reason", reason),
                            Updates.set("updated", Date.from(now)), Updates.inc("attempts", 1)));
        }
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

    public Optional<Receipt> find(String receiptId) {
        return Optional.ofNullable(collection().find(new Document("_id", receiptId)).first()).map(Receipt::fromDocument);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
