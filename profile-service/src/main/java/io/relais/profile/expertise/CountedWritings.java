package io.relais.profile.expertise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each counted post or comment added to its author's counters ({@code counted_writings}: {@code _id} = the
 * writing's IRI → {@code author} (login), {@code activity} 0 or 1, {@code skills} = the skill keys it counted for), so
 * that a later edit, hide, restore or delete moves the counters by the difference ({@link ActivityCounters}). Read and
 * written by {@code _id} (the embedded store has no other index); only an erasure deletes by author, a scan made once
 * per erasure.
 */
@ApplicationScoped
class CountedWritings {

    static final String COLLECTION = "counted_writings";

    /** What one writing added: its author's login, 0 or 1 to their activity count, and the skill keys it counted for. */
    record Counted(String author, int activity, Set<String> skills) {
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** What the writing {@code id} added, if it was counted since this record was kept. */
    Optional<Counted> find(String id) {
        Document d = collection().find(Filters.eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(new Counted(d.getString("author"), d.getInteger("activity", 0),
                new TreeSet<>(d.getList("skills", String.class, List.of()))));
    }

    /** Records (or replaces) what the writing {@code id} adds now. */
    void put(String id, Counted counted) {
        collection().replaceOne(Filters.eq("_id", id), new Document("_id", id).append("author", counted.author())
                .append("activity", counted.activity()).append("skills", List.copyOf(counted.skills())),
                new ReplaceOptions().upsert(true));
    }

    /** Forgets the writing {@code id} (deleted: it adds nothing any more). */
    void remove(String id) {
        collection().deleteOne(Filters.eq("_id", id));
    }

    /** Forgets every writing of {@code login}: an erased person's records go with them. */
    void forgetAuthor(String login) {
        collection().deleteMany(Filters.eq("author", login));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
