package io.relais.connector.registration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import io.relais.connector.ConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The connector registry: one document per OAuth client ({@code _id} = client id, a keyed read per request). */
@ApplicationScoped
public class RegistrationStore {

    private static final Logger LOG = Logger.getLogger(RegistrationStore.class);
    static final String COLLECTION = "registrations";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    ConnectorConfig config;

    /**
     * Creates the configured default registrations that do not exist yet; never overwrites an admin's edit (so a
     * {@code communities} list added to the configuration later reaches only registrations created after it: the admin
     * API edits existing ones). A malformed audience or community slug stops the startup.
     */
    void seedDefaults(@Observes StartupEvent event) {
        config.defaults().forEach((clientId, d) -> {
            List<String> communities = d.communities().orElse(List.of()).stream().map(String::trim).distinct().toList();
            for (String slug : communities) {
                if (!AudienceSpec.isSlug(slug)) {
                    throw new IllegalArgumentException("connector.defaults.\"" + clientId + "\".communities: '" + slug
                            + "' is not a community slug");
                }
            }
            if (communities.size() > Registration.MAX_COMMUNITIES) {
                throw new IllegalArgumentException("connector.defaults.\"" + clientId + "\".communities: at most "
                        + Registration.MAX_COMMUNITIES + " communities");
            }
            Registration r = new Registration(clientId, List.copyOf(d.sources()), AudienceSpec.parse(d.audience()),
                    d.system(), d.systemName(), PeopleMatch.of(d.people()), communities, Instant.now());
            try {
                collection().insertOne(r.toDocument());
                LOG.infof("registered connector client %s for sources %s", clientId, d.sources());
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) throw e;
            }
        });
    }

    public Optional<Registration> find(String clientId) {
        return Optional.ofNullable(collection().find(new Document("_id", clientId)).first()).map(Registration::fromDocument);
    }

    /** Every registration; the registry holds one document per business system, a handful. */
    public List<Registration> all() {
        List<Registration> out = new ArrayList<>();
        collection().find().sort(Sorts.ascending("_id")).limit(1000).forEach(d -> out.add(Registration.fromDocument(d)));
        return out;
    }

    /** Creates or replaces; true when it did not exist before. */
    public boolean save(Registration r) {
        var result = collection().replaceOne(new Document("_id", r.clientId()), r.toDocument(), new ReplaceOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    public boolean delete(String clientId) {
        return collection().deleteOne(new Document("_id", clientId)).getDeletedCount() > 0;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
