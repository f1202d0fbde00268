package io.relais.profile.person;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * When each erased login was erased ({@code erased_people}: {@code _id} = login → {@code at}), and nothing else of
 * them: what HR said before an erasure must not start their profile again (see {@link PersonService#erasedAt}). One
 * keyed read, made only when an HR event names a login that has no profile.
 */
@ApplicationScoped
class ErasedPeople {

    static final String COLLECTION = "erased_people";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** Records (or moves forward) the time {@code login} was erased. */
    void record(String login, Instant at) {
        collection().replaceOne(Filters.eq("_id", login), new Document("_id", login).append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    /** When {@code login} was last erased, if ever. */
    Optional<Instant> erasedAt(String login) {
        Document d = collection().find(Filters.eq("_id", login)).first();
        return d == null || d.getDate("at") == null ? Optional.empty() : Optional.of(d.getDate("at").toInstant());
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
