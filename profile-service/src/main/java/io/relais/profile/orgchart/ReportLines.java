package io.relais.profile.orgchart;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.profile.person.Person;
import io.relais.profile.person.ProfileWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Objects;

/**
 * Direct reports per manager ({@code _id} = manager login): a document of its own, because HR may name a
 * manager before that manager's profile exists. Kept in step with every profile write, both ways.
 */
@ApplicationScoped
public class ReportLines {

    static final String COLLECTION = "reports";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Someone who has left reports to nobody. */
    static String managerOf(Person p) {
        return p == null || !p.isActive() ? null : p.managerLogin;
    }

    /** Keeps the report lines in step with every profile write (creation, change, erasure). */
    void onProfileWritten(@Observes ProfileWritten write) {
        update(write.login(), write.before(), write.after());
    }

    /** Moves {@code login} from its manager before a write to its manager after (null = absent or left). */
    public void update(String login, Person before, Person after) {
        String old = managerOf(before);
        String now = managerOf(after);
        if (Objects.equals(old, now)) return;
        if (old != null) {
            collection().updateOne(Filters.eq("_id", old), Updates.pull("reports", login));
        }
        if (now != null) {
            collection().updateOne(Filters.eq("_id", now), Updates.addToSet("reports", login), new UpdateOptions().upsert(true));
        }
    }

    public List<String> reportsOf(String manager) {
        Document d = collection().find(Filters.eq("_id", manager)).first();
        return d == null ? List.of() : d.getList("reports", String.class, List.of()).stream().sorted().toList();
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
