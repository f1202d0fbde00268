package io.relais.feed.reading;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.Date;

/**
 * The {@code views} collection: one document per object, person and UTC day,
 * {@code {_id: "<object IRI>|<person IRI>|<yyyy-mm-dd>", object, person, day, at}}. The key makes a second open of
 * the same item on the same day the same open, decided by the insert alone (no read first). Only the current day's
 * keys matter; older ones are removed by {@link ViewService}'s daily clean-up.
 */
@ApplicationScoped
public class ViewStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The key of a person's open of an object on a day. */
    public static String key(String objectIri, String personIri, LocalDate day) {
        return objectIri + "|" + personIri + "|" + day;
    }

    /** Inserts the open; false when this person already opened this object this day (nothing is changed). */
    public boolean insertIfAbsent(String objectIri, String personIri, LocalDate day, Date at) {
        try {
            collection().insertOne(new Document("_id", key(objectIri, personIri, day)).append("object", objectIri)
                    .append("person", personIri).append("day", day.toString()).append("at", at));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /** Removes the keys of days before {@code day} (ISO dates compare as strings); answers how many. */
    public long removeBefore(LocalDate day) {
        return collection().deleteMany(Filters.lt("day", day.toString())).getDeletedCount();
    }

    /** Removes every open of a person (their erasure). */
    public long removeOf(String personIri) {
        return collection().deleteMany(Filters.eq("person", personIri)).getDeletedCount();
    }

    /** Whether the person's open of the object on that day is kept (for tests and diagnostics). */
    public boolean contains(String objectIri, String personIri, LocalDate day) {
        return collection().find(Filters.eq("_id", key(objectIri, personIri, day))).first() != null;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("views");
    }
}
