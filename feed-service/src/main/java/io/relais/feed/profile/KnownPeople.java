package io.relais.feed.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who exists, as far as feed-service knows: the people of the {@code profiles} read model (fed by
 * {@code relais.profiles}, owned by profile-service). Invitations and member imports ask it so that a
 * typo or an unknown login is refused instead of creating a membership for nobody.
 */
@ApplicationScoped
public class KnownPeople {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * The person IRIs among {@code personIris} that have a profile, in one {@code _id $in} read.
     *
     * @param personIris person IRIs ({@code urn:relais:person:<login>}); any size the caller accepted
     * @return the subset that profile-service has published and not erased
     */
    public Set<String> knownAmong(Collection<String> personIris) {
        Set<String> known = new HashSet<>();
        if (personIris.isEmpty()) return known;
        for (Document d : mongo.getDatabase(database).getCollection("profiles")
                .find(Filters.in("_id", new LinkedHashSet<>(personIris))).projection(Projections.include("_id"))) {
            known.add(d.getString("_id"));
        }
        return known;
    }

    /** Whether this person has a profile. */
    public boolean isKnown(String personIri) {
        return knownAmong(Set.of(personIri)).contains(personIri);
    }
}
