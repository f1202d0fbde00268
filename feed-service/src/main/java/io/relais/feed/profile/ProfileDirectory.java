package io.relais.feed.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.relais.events.Activity;
import io.relais.kit.messaging.SourceCheck;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.relais.feed.readcache.ReadCaches;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * Display data of people (name, job title, photo), a read model of the compacted
 * {@code relais.profiles} topic: one document per person, {@code _id} = person IRI, replaced by each
 * snapshot (so a replay is harmless) and removed by a tombstone or by the Delete of the person (erasure, which
 * also fires {@link PersonErased} for the features that keep something of the person).
 */
@ApplicationScoped
public class ProfileDirectory {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    jakarta.enterprise.event.Event<PersonErased> personErased;

    /**
     * The replica's read-path caches: a profile applied here drops the person's cached summary; the other replicas
     * (which share this consumer group) see it within {@code feed.read-cache.ttl}.
     */
    @Inject
    ReadCaches caches;

    @Incoming("profiles")
    @Blocking
    public void onProfile(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            SourceCheck.erasure(record.headers()); // only profile-service erases a person
            if (record.key() != null) collection().deleteOne(eq("_id", record.key()));
            if (caches != null && record.key() != null) caches.changed(record.key());
            return;
        }
        Activity a = SourceCheck.activity(record); // only profile-service (and hr) assert people; only profile-service erases
        java.util.Optional<String> erased = io.relais.events.PersonErasure.erasedPerson(a);
        if (erased.isPresent()) {
            collection().deleteOne(eq("_id", erased.get()));
            if (caches != null) caches.changed(erased.get());
            personErased.fire(new PersonErased(erased.get(), a.actor()));
            return;
        }
        AsObject person = a.object();
        if (person == null || !As2.PERSON.equals(person.type()) || !Iri.isKind(person.id(), Iri.PERSON)) {
            throw new IllegalArgumentException("a profile snapshot is an activity whose object is a Person with a person IRI");
        }
        RelaisExtension.PersonFields fields = RelaisExtension.of(person).person();
        Document d = new Document("_id", person.id())
                .append("login", fields.login().orElse(Iri.localId(person.id())))
                .append("name", person.name())
                .append("title", person.summary() != null ? person.summary() : fields.title().orElse(null))
                .append("photo", person.icon() == null ? null : person.icon().url())
                .append("status", fields.status().orElse("active"));
        collection().replaceOne(eq("_id", person.id()), d, new ReplaceOptions().upsert(true));
        if (caches != null) caches.changed(person.id());
    }

    public PersonSummary displayOf(String personIri) {
        return displaysOf(java.util.List.of(personIri)).get(personIri);
    }

    /** Several at once (one keyed read), in input order; unknown people show their login. */
    public Map<String, PersonSummary> displaysOf(Collection<String> personIris) {
        Map<String, PersonSummary> out = new LinkedHashMap<>();
        if (personIris.isEmpty()) return out;
        Map<String, Document> found = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", new LinkedHashSet<>(personIris)))) found.put(d.getString("_id"), d);
        for (String iri : personIris) {
            Document d = found.get(iri);
            String login = Iri.localId(iri);
            out.put(iri, d == null ? new PersonSummary(iri, login, login, null, null)
                    : new PersonSummary(iri, d.getString("login"), d.getString("name") != null ? d.getString("name") : login,
                    d.getString("title"), d.getString("photo")));
        }
        return out;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("profiles");
    }
}
