package io.relais.profile.governance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.util.Optional;

/** The {@code erasures} collection: one {@link ErasureRecord} per request, {@code _id} = its id, insert-only. */
@ApplicationScoped
public class ErasureStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public void insert(ErasureRecord r) {
        collection().insertOne(new Document("_id", r.id()).append("person", r.person()).append("requestedBy", r.requestedBy())
                .append("requestedAt", Date.from(r.requestedAt())).append("reportsUnlinked", r.reportsUnlinked())
                .append("endorsementsRemoved", r.endorsementsRemoved()).append("state", r.state()));
    }

    public Optional<ErasureRecord> find(String id) {
        Document d = collection().find(Filters.eq("_id", id)).first();
        if (d == null) return Optional.empty();
        return Optional.of(new ErasureRecord(d.getString("_id"), d.getString("person"), d.getString("requestedBy"),
                d.getDate("requestedAt").toInstant(), d.getInteger("reportsUnlinked", 0),
                ((Number) d.get("endorsementsRemoved")).longValue(), d.getString("state")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("erasures");
    }
}
