package io.relais.feed.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who exists, as far as feed-service knows: the people of the {@code profiles} read model (fed by
 * {@code relais.profiles}, owned by profile-service). Invitations and member imports ask it so that a
 * typo or an unknown login is refused instead of creating a membership for nobody, and so that someone who left the
 * company (their snapshot's {@code status} is {@link #LEFT}) is neither invited nor imported.
 */
@ApplicationScoped
public class KnownPeople {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** profile-service's {@code relais.status} of a person who left the company (HR {@code employee.left} applied). */
    public static final String LEFT = "left";

    /**
     * The person IRIs among {@code personIris} that have a profile, in one {@code _id $in} read.
     *
     * @param personIris person IRIs ({@code urn:relais:person:<login>}); any size the caller accepted
     * @return the subset that profile-service has published and not erased
     */
    public Set<String> knownAmong(Collection<String> personIris) {
        return statusesOf(personIris).keySet();
    }

    /**
     * The status profile-service last published for each of these people who have a profile ({@code active} or
     * {@link #LEFT}; {@code active} when the snapshot carried none), in one {@code _id $in} read. Who left is believed
     * only from profile-service's snapshots on {@code relais.profiles} ({@link ProfileDirectory}), the fact's owner.
     *
     * @param personIris person IRIs
     * @return person IRI → status, for the people with a profile only
     */
    public Map<String, String> statusesOf(Collection<String> personIris) {
        Map<String, String> out = new HashMap<>();
        if (personIris.isEmpty()) return out;
        for (Document d : mongo.getDatabase(database).getCollection("profiles")
                .find(Filters.in("_id", new LinkedHashSet<>(personIris))).projection(Projections.include("_id", "status"))) {
            out.put(d.getString("_id"), d.getString("status") == null ? "active" : d.getString("status"));
        }
        return out;
    }

    /** Whether this person has a profile. */
    public boolean isKnown(String personIri) {
        return knownAmong(Set.of(personIri)).contains(personIri);
    }
}
