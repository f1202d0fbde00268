package io.relais.feed.community;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.relais.feed.readcache.ReadCaches;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** The {@code communities} collection: one document per community, {@code _id} = community IRI. */
@ApplicationScoped
public class CommunityStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The replica's read-path caches: every write here drops the community it changes. */
    @Inject
    ReadCaches caches;

    void declareIndexes(@Observes StartupEvent e) {
        // the directory search; a real MongoDB uses it, the embedded store scans (communities are few)
        collection().createIndex(Indexes.ascending("nameLower"));
        // the name rule's look-up (CommunityService: names already used by communities the creator may see)
        collection().createIndex(Indexes.ascending("nameKey"));
    }

    public Optional<Community> find(String iri) {
        return Optional.ofNullable(collection().find(eq("_id", iri)).first()).map(Community::from);
    }

    public List<Community> findAll(Collection<String> iris) {
        if (iris.isEmpty()) return List.of();
        List<Community> out = new ArrayList<>();
        for (Document d : collection().find(Filters.in("_id", iris))) out.add(Community.from(d));
        return out;
    }

    /**
     * IRIs of the communities that are not public (private, secret, or with no readable visibility): a scan of the
     * collection, acceptable since communities are few; for start-up repairs, not for requests.
     */
    public List<String> notPublic() {
        List<String> out = new ArrayList<>();
        Bson notPublic = Filters.ne("visibility", Visibility.PUBLIC.wire());
        for (Document d : collection().find(notPublic).projection(Projections.include("_id"))) out.add(d.getString("_id"));
        return out;
    }

    /** False when a community with that IRI exists already. */
    boolean insert(Document d) {
        if (caches != null) caches.changed(d.getString("_id"));
        try {
            collection().insertOne(d);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    void update(String iri, Bson update) {
        try {
            collection().updateOne(eq("_id", iri), update);
        } finally {
            if (caches != null) caches.changed(iri);
        }
    }

    /**
     * Communities whose name has this comparison key ({@code nameKey}, {@link CommunityNames#key}), whatever their
     * visibility: usually none or one; the caller decides which of them the person asking may know of.
     */
    List<Community> withNameKey(String key) {
        List<Community> out = new ArrayList<>();
        for (Document d : collection().find(eq("nameKey", key))) out.add(Community.from(d));
        return out;
    }

    /** Name search for the directory: communities are few, so a scan of names is acceptable. */
    List<Community> searchByName(String lowerQuery, int limit) {
        Bson filter = lowerQuery == null || lowerQuery.isBlank() ? new Document()
                : Filters.regex("nameLower", java.util.regex.Pattern.quote(lowerQuery));
        List<Community> out = new ArrayList<>();
        for (Document d : collection().find(filter).sort(Indexes.ascending("nameLower")).limit(limit)) {
            out.add(Community.from(d));
        }
        return out;
    }

    /** Keeps the community's list of pinned posts (bounded by the caller). */
    public void pin(String iri, String postIri, boolean pinned) {
        update(iri, pinned ? Updates.addToSet("pins", postIri) : Updates.pull("pins", postIri));
    }

    /**
     * Takes posts that no longer stand (deleted) out of the community's pins: a keyed update that matches nothing when
     * none of them is pinned, so the read caches hear of it only when the pins changed.
     */
    public void unpinGone(String iri, Collection<String> postIris) {
        if (postIris.isEmpty()) return;
        long changed = collection().updateOne(Filters.and(eq("_id", iri), Filters.in("pins", postIris)),
                Updates.pullAll("pins", List.copyOf(postIris))).getModifiedCount();
        if (changed > 0 && caches != null) caches.changed(iri);
    }

    /** Writes a community's name key ({@link CommunityNames#key}) where it is missing or stale (start-up). */
    void setNameKey(String iri, String key) {
        update(iri, Updates.set("nameKey", key));
    }

    void addToSet(String iri, String field, String value) {
        update(iri, Updates.addToSet(field, value));
    }

    void pull(String iri, String field, String value) {
        update(iri, Updates.pull(field, value));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("communities");
    }
}
