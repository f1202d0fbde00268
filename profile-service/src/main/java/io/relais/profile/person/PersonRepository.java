package io.relais.profile.person;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** People by login ({@code _id}): every read here is a keyed lookup, except the rare SCIM full listing. */
@ApplicationScoped
public class PersonRepository {

    static final String COLLECTION = "people";
    /** Matches the profiles that are people: a pending one has {@code pending: true}, any other none. */
    private static final org.bson.conversions.Bson NOT_PENDING = Filters.ne("pending", true);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        // a real MongoDB would use these for ad-hoc admin queries; hot reads go through _id and facet documents
        collection().createIndex(Indexes.ascending("managerLogin"));
        collection().createIndex(Indexes.ascending("department"));
        collection().createIndex(Indexes.ascending("externalId"));
        collection().createIndex(Indexes.ascending("emailKey"));
        // the compare-and-set of replace() names _id and version: with a unique index on exactly these keys the
        // embedded store answers it from the index instead of scanning every profile (redundant, harmless on MongoDB)
        collection().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    public Optional<Person> find(String login) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", login)).first()).map(Person::fromDocument);
    }

    public List<Person> findAll(Collection<String> logins) {
        List<Person> out = new ArrayList<>();
        if (logins.isEmpty()) return out;
        for (Document d : collection().find(Filters.in("_id", logins))) {
            out.add(Person.fromDocument(d));
        }
        return out;
    }

    /**
     * Who else holds this address ({@link Person#emailKey}): a read by {@code emailKey} (an index on a real MongoDB,
     * a scan on the embedded store, run only when an address changes).
     */
    public Optional<String> holderOfEmail(String emailKey, String exceptLogin) {
        for (Document d : collection().find(Filters.eq("emailKey", emailKey)).projection(new Document("_id", 1)).limit(2)) {
            if (!exceptLogin.equals(d.getString("_id"))) return Optional.of(d.getString("_id"));
        }
        return Optional.empty();
    }

    /** False if someone created the profile first. */
    public boolean insert(Person p) {
        try {
            collection().insertOne(p.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    /** Counters kept by {@link #increment} beside the profile fields: a profile write never stores them. */
    static final List<String> COUNTERS = List.of("endorsements", "activityCount", "topicalActivity");

    /**
     * Writes {@code p} only if the stored version is still {@code expectedVersion}; false when it moved on. The counters
     * ({@link #COUNTERS}) are left as stored: an {@link #increment} does not move the version, so writing back the
     * counts read before would lose an endorsement or a counted post made in between.
     */
    public boolean replace(Person p, long expectedVersion) {
        Document fields = p.toDocument();
        fields.remove("_id");
        COUNTERS.forEach(fields::remove);
        Document update = new Document("$set", fields);
        if (p.photo == null) update.append("$unset", new Document("photo", ""));
        return collection().updateOne(Filters.and(Filters.eq("_id", p.login), Filters.eq("version", expectedVersion)),
                update).getMatchedCount() == 1;
    }

    /** Records that the snapshot of {@code version} is in the outbox. */
    public void markPublished(String login, long version) {
        collection().updateOne(Filters.eq("_id", login), Updates.max("publishedVersion", version));
    }

    /** Everyone's manager link, set or awaited ({@code null} when none): read at startup, never on a request. */
    public record ManagerLink(String login, String manager, String pending) {
    }

    /**
     * What the startup pass repairs, read in one scan of four fields: the logins whose last write's snapshot never
     * reached the outbox (a crash in between), and the manager links of everyone who has one, set or awaited.
     */
    public record StartupScan(List<String> unpublished, List<ManagerLink> managerLinks) {
    }

    /** The one scan of the people collection at startup ({@link StartupScan}); never on a request. */
    public StartupScan startupScan() {
        List<String> unpublished = new ArrayList<>();
        List<ManagerLink> links = new ArrayList<>();
        Document fields = new Document("version", 1).append("publishedVersion", 1).append("managerLogin", 1)
                .append("pendingManager", 1);
        for (Document d : collection().find().projection(fields)) {
            String login = d.getString("_id");
            Number version = d.get("version", Number.class);
            Number published = d.get("publishedVersion", Number.class);
            if (version != null && published != null && published.longValue() < version.longValue()) {
                unpublished.add(login);
            }
            String manager = d.getString("managerLogin");
            String pending = d.getString("pendingManager");
            if (manager != null || pending != null) links.add(new ManagerLink(login, manager, pending));
        }
        return new StartupScan(unpublished, links);
    }

    /** Logins whose last write's snapshot never reached the outbox (a crash in between), from {@link #startupScan}. */
    public List<String> unpublished() {
        return startupScan().unpublished();
    }

    /** Which of these logins are people (a profile that is not {@link Person#pending pending}): one {@code $in} read of {@code _id}. */
    public Set<String> existing(Collection<String> logins) {
        Set<String> out = new java.util.HashSet<>();
        if (logins.isEmpty()) return out;
        for (Document d : collection().find(Filters.and(Filters.in("_id", logins), NOT_PENDING)).projection(new Document("_id", 1))) {
            out.add(d.getString("_id"));
        }
        return out;
    }

    public void delete(String login) {
        collection().deleteOne(Filters.eq("_id", login));
    }

    /** Deletes the profile only if it is still at {@code version} (a newer write is its writer's to settle). */
    public void delete(String login, long version) {
        collection().deleteOne(Filters.and(Filters.eq("_id", login), Filters.eq("version", version)));
    }

    /** A counter that belongs to the profile but is no profile change (no snapshot, no version bump). */
    public void increment(String login, String counterPath, int by) {
        collection().updateOne(Filters.eq("_id", login), Updates.inc(counterPath, by));
    }

    /**
     * Every person by login (not the {@link Person#pending pending} profiles), for the SCIM listing without filter: a
     * scan, acceptable for a rare provisioning sync.
     */
    public List<Person> page(int skip, int limit) {
        List<Person> out = new ArrayList<>();
        for (Document d : collection().find(NOT_PENDING).sort(Sorts.ascending("_id")).skip(skip).limit(limit)) {
            out.add(Person.fromDocument(d));
        }
        return out;
    }

    /** The logins of everyone (active or left) whose manager is {@code login}: a scan on the embedded store, for a rare erasure. */
    public List<String> managedBy(String login) {
        List<String> out = new ArrayList<>();
        for (Document d : collection().find(Filters.eq("managerLogin", login)).projection(new Document("_id", 1))) {
            out.add(d.getString("_id"));
        }
        return out;
    }

    /** How many people there are ({@link #page}'s total): pending profiles are nobody yet. */
    public long count() {
        return collection().countDocuments(NOT_PENDING);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
