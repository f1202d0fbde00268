package io.relais.feed.governance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * {@code community_retention}: one document per community that has a retention rule or a legal hold,
 * {@code _id} = community IRI, {@code {days, setBy, hold: {reason, by, at}}}. Kept apart from the community document:
 * it is governance, not a community setting other services learn from the log.
 */
@ApplicationScoped
public class RetentionStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public Optional<RetentionPolicy> find(String communityIri) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", communityIri)).first()).map(RetentionStore::policy);
    }

    /** Every community with a rule or a hold (a small collection: read whole by the hourly job). */
    public List<RetentionPolicy> all() {
        List<RetentionPolicy> out = new ArrayList<>();
        collection().find().forEach(d -> out.add(policy(d)));
        return out;
    }

    /** Sets (or, with null, removes) the retention rule. */
    public void setDays(String communityIri, Integer days, String by) {
        collection().updateOne(Filters.eq("_id", communityIri), Updates.combine(Updates.set("days", days), Updates.set("setBy", by)),
                new UpdateOptions().upsert(true));
    }

    /** Places (or, with null, lifts) the legal hold. */
    public void setHold(String communityIri, RetentionPolicy.LegalHold hold) {
        Document value = hold == null ? null
                : new Document("reason", hold.reason()).append("by", hold.by()).append("at", Date.from(hold.at()));
        collection().updateOne(Filters.eq("_id", communityIri), Updates.set("hold", value), new UpdateOptions().upsert(true));
    }

    private static RetentionPolicy policy(Document d) {
        Document h = d.get("hold", Document.class);
        return new RetentionPolicy(d.getString("_id"), d.getInteger("days"), d.getString("setBy"),
                h == null ? null : new RetentionPolicy.LegalHold(h.getString("reason"), h.getString("by"), h.getDate("at").toInstant()));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("community_retention");
    }
}
