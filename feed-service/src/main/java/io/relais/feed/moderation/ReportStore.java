package io.relais.feed.moderation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code moderation_reports} collection: one document per reporter and object,
 * {@code {_id: "<reporter IRI>|<object IRI>", object, reporter, reason, comment, created, open, resolvedAt, resolvedBy, resolution}}.
 * The key makes a second report of the same object by the same person the same report. An erased reporter's reports
 * are kept without their comment nor anyone's name ({@link #anonymise}).
 */
@ApplicationScoped
public class ReportStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        // what a real MongoDB needs to close an object's reports; this store scans (few open reports)
        collection().createIndex(Indexes.ascending("object", "open"));
        // what a real MongoDB needs to find a person's reports at their erasure; this store scans (erasures are rare)
        collection().createIndex(Indexes.ascending("reporter"));
    }

    /** The key of a person's report of an object. */
    public static String key(String reporterIri, String objectIri) {
        return reporterIri + "|" + objectIri;
    }

    /** Inserts the report; false when this person already reported this object (nothing is changed). */
    public boolean insertIfNew(Document report) {
        try {
            collection().insertOne(report);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    public Optional<Document> find(String key) {
        return Optional.ofNullable(collection().find(eq("_id", key)).first());
    }

    /** The open reports of an object. */
    public List<Document> openOf(String objectIri) {
        return collection().find(Filters.and(eq("object", objectIri), eq("open", true))).into(new java.util.ArrayList<>());
    }

    /** Closes the open reports of an object with the decision that resolved them; answers how many it closed. */
    public long resolve(String objectIri, String resolution, String byIri, Date at) {
        return collection().updateMany(Filters.and(eq("object", objectIri), eq("open", true)), Updates.combine(
                Updates.set("open", false), Updates.set("resolution", resolution), Updates.set("resolvedBy", byIri),
                Updates.set("resolvedAt", at))).getModifiedCount();
    }

    /** The reports a person made: a scan on the embedded store, for a rare erasure. */
    public List<Document> madeBy(String reporterIri) {
        return collection().find(eq("reporter", reporterIri)).into(new java.util.ArrayList<>());
    }

    /**
     * Replaces a report by the same report made by nobody: {@code formerReporter} as reporter, no comment, keyed
     * {@code <formerReporter>|<object>|<created millis>} (the original key names the reporter). The copy is written
     * before the original is deleted, and its key derives from the original alone, so a repeated call after a crash
     * between the two writes neither loses the report nor counts it twice. Two erased reporters of one object in the
     * same millisecond would share that key and be kept as one report: the case's counters still count both.
     */
    public void anonymise(Document report, String formerReporter) {
        Document copy = new Document(report);
        copy.put("_id", formerReporter + "|" + report.getString("object") + "|" + report.getDate("created").getTime());
        copy.put("reporter", formerReporter);
        copy.remove("comment");
        insertIfNew(copy);
        collection().deleteOne(eq("_id", report.get("_id")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("moderation_reports");
    }
}
