package io.relais.kit.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which events a consumer has applied (by {@code _id} = consumer + event id, a keyed insert),
 * so a replayed or redelivered record is skipped: the handler side of "at least once, shown once".
 */
@ApplicationScoped
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** True the first time this consumer sees this event id, false on every later delivery. */
    public boolean firstDelivery(String consumer, String eventId) {
        try {
            mongo.getDatabase(database).getCollection(COLLECTION)
                    .insertOne(new Document("_id", consumer + "|" + eventId).append("at", new Date()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The ids of a batch this consumer sees for the first time (one unordered insert for the whole batch). */
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(eventIds));
        Set<String> first = new LinkedHashSet<>(ids);
        if (ids.isEmpty()) return first;
        Date now = new Date();
        List<Document> docs = ids.stream().map(id -> new Document("_id", consumer + "|" + id).append("at", now)).toList();
        try {
            mongo.getDatabase(database).getCollection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                first.remove(ids.get(error.getIndex()));
            }
        }
        return first;
    }

    /** Forget a delivery whose handling failed, so the retry applies it. */
    public void forget(String consumer, String eventId) {
        mongo.getDatabase(database).getCollection(COLLECTION).deleteOne(new Document("_id", consumer + "|" + eventId));
    }
}
