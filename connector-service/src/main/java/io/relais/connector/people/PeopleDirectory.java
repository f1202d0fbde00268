package io.relais.connector.people;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.relais.kit.store.BatchMemo;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who Relais knows, learnt from the profile snapshots on {@code relais.profiles} (owned by profile-service),
 * so a registration that matches its users by login or e-mail attributes an activity only to a person who
 * exists and has not left. One keyed document per identity ({@code _id} = {@code login:<login>} or
 * {@code email:<address>}, lower-cased): each look-up is a read by {@code _id}, and a replay rewrites the same
 * documents.
 */
@ApplicationScoped
public class PeopleDirectory {

    static final String COLLECTION = "people";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * A snapshot from profile-service (key = person IRI): the person's login, e-mail and status. A tombstone
     * (null value) or the Delete of the person (an erasure, {@link io.relais.events.PersonErasure}) forgets both
     * identities.
     */
    @Incoming("profiles")
    @Blocking
    public void onProfile(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (Iri.isKind(record.key(), Iri.PERSON)) forget(record.key());
            return;
        }
        Activity snapshot = ActivityJson.read(record.value());
        Optional<String> erased = io.relais.events.PersonErasure.erasedPerson(snapshot);
        if (erased.isPresent()) {
            io.relais.kit.messaging.SourceCheck.activity(record); // only profile-service erases (else dead-lettered)
            forget(erased.get());
            return;
        }
        AsObject person = snapshot.object();
        if (person == null || !As2.PERSON.equals(person.type()) || !Iri.isKind(person.id(), Iri.PERSON)) return;
        Object email = person.relais() == null ? null : person.relais().get("email");
        Object status = person.relais() == null ? null : person.relais().get("status");
        boolean active = status == null || "active".equals(status.toString());
        Date at = Date.from(snapshot.published());
        String emailKey = email instanceof String address && !address.isBlank()
                ? "email:" + address.trim().toLowerCase(Locale.ROOT) : null;
        Document previous = collection().find(new Document("_id", loginKey(person.id()))).first();
        if (previous != null && previous.getString("email") != null && !previous.getString("email").equals(emailKey)
                && !previous.getDate("at").after(at)) {
            collection().deleteOne(new Document("_id", previous.getString("email"))); // the address changed
        }
        Object manager = person.relais() == null ? null : person.relais().get("managerLogin");
        remember(loginKey(person.id()), person.id(), emailKey, manager instanceof String m && !m.isBlank() ? m : null, active, at);
        if (emailKey != null) remember(emailKey, person.id(), null, null, active, at);
    }

    private void forget(String personIri) {
        Document previous = collection().find(new Document("_id", loginKey(personIri))).first();
        if (previous != null && previous.getString("email") != null) {
            collection().deleteOne(new Document("_id", previous.getString("email")));
        }
        collection().deleteOne(new Document("_id", loginKey(personIri)));
    }

    private static String loginKey(String personIri) {
        return "login:" + Iri.localId(personIri).toLowerCase(Locale.ROOT);
    }

    /** The IRI of the active person with this login, if Relais knows them. */
    public Optional<String> byLogin(String login) {
        return find("login:" + login.toLowerCase(Locale.ROOT));
    }

    /** The IRI of the active person whose profile carries this e-mail address (case-insensitive). */
    public Optional<String> byEmail(String email) {
        return find("email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    /** Within a batch, each identity is read once (a batch's cards usually name a few owners). */
    private final BatchMemo<String, Optional<String>> batchMemo = new BatchMemo<>(this::read);

    /** Runs a batch's work with each identity read at most once; the memo ends with the batch. */
    public <T> T oncePerBatch(Supplier<T> work) {
        return batchMemo.during(work);
    }

    private Optional<String> find(String key) {
        return batchMemo.get(key);
    }

    private Optional<String> read(String key) {
        Document d = collection().find(new Document("_id", key)).first();
        return d != null && d.getBoolean("active", false) ? Optional.of(d.getString("person")) : Optional.empty();
    }

    private void remember(String key, String person, String emailKey, String managerLogin, boolean active, Date at) {
        Document existing = collection().find(new Document("_id", key)).first();
        // an older snapshot arriving after a newer one (replay, redelivery) changes nothing
        if (existing != null && existing.getDate("at") != null && existing.getDate("at").after(at)) return;
        Document d = new Document("_id", key).append("person", person).append("email", emailKey);
        if (managerLogin != null) d.append("manager", managerLogin.toLowerCase(Locale.ROOT));
        collection().replaceOne(new Document("_id", key), d.append("active", active).append("at", at), new ReplaceOptions().upsert(true));
    }

    /**
     * Whether making {@code managerLogin} the manager of {@code login} would close a loop in the org chart as
     * profile-service last announced it: the person themselves, or someone who reports to them at any depth (one
     * keyed read per level, at most {@value #MAX_CHAIN}). profile-service refuses such a change; refusing it here
     * keeps its card from announcing a move that will not happen.
     */
    public boolean closesReportingLoop(String login, String managerLogin) {
        String person = login.toLowerCase(Locale.ROOT);
        String next = managerLogin.toLowerCase(Locale.ROOT);
        Set<String> seen = new HashSet<>();
        for (int depth = 0; next != null && depth < MAX_CHAIN && seen.add(next); depth++) {
            if (next.equals(person)) return true;
            Document d = collection().find(new Document("_id", "login:" + next)).first();
            next = d == null ? null : d.getString("manager");
        }
        return false;
    }

    /** How far up a chain of managers {@link #closesReportingLoop} looks. */
    static final int MAX_CHAIN = 64;

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
