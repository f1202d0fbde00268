package io.relais.profile.person;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Objects;

/**
 * Who awaits which manager ({@code _id} = the awaited manager's login → the logins of the people HR named them for),
 * so that creating a profile finds, with one keyed read, the links waiting for it ({@link Person#pendingManager}).
 */
@ApplicationScoped
class PendingManagers {

    static final String COLLECTION = "pending_managers";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Moves {@code login} from the manager it awaited before a write to the one it awaits after (null = none). */
    void update(String login, Person before, Person after) {
        String old = before == null ? null : before.pendingManager;
        String now = after == null ? null : after.pendingManager;
        if (Objects.equals(old, now)) return;
        if (old != null) collection().updateOne(Filters.eq("_id", old), Updates.pull("reports", login));
        if (now != null) {
            collection().updateOne(Filters.eq("_id", now), Updates.addToSet("reports", login), new UpdateOptions().upsert(true));
        }
    }

    /** The people awaiting {@code manager}, by login. */
    List<String> awaiting(String manager) {
        Document d = collection().find(Filters.eq("_id", manager)).first();
        return d == null ? List.of() : List.copyOf(d.getList("reports", String.class, List.of()));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
