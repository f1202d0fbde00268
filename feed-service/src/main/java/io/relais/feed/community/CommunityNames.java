package io.relais.feed.community;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.Normalizer;
import java.util.Locale;

import static com.mongodb.client.model.Filters.eq;

/**
 * One open community per name, so nobody can open a second "Le coin tech" beside the official one (finding F10).
 * Two names are the same when their {@link #key}s are: NFKD, accents (combining marks) removed, Unicode case
 * folding (as {@code events}' {@code HashtagKey}: lower case of upper case in {@link Locale#ROOT}, the dotted
 * capital I mapped to I), and every character that is not a letter or digit (spaces, punctuation, symbols)
 * removed: {@code Le coin tech}, {@code LE COIN-TECH !} and {@code Le côin tech} are one name.
 *
 * <p>The store enforces it among public and private communities (every employee sees those): collection
 * {@code community_names} holds one document per claimed name, {@code _id} = the key, {@code community} = the IRI of
 * the open community holding it, so two concurrent claims of one name cannot both succeed (duplicate key). A secret
 * community holds no claim: its name must not be refused to people who may not know it exists; whoever may see it
 * is refused its name by {@code CommunityService}, which looks up every community of that key ({@code nameKey}). A
 * claim whose holder no longer holds the name (a crash between claiming and writing the community, a rename, a
 * community turned secret, a secret one's claim from before this rule) is taken over. At start-up, names of open
 * communities are claimed, the oldest claim winning, secret ones' claims are given back, and every community's
 * {@code nameKey} is written where missing.
 */
@ApplicationScoped
public class CommunityNames {

    static final String COLLECTION = "community_names";

    /** A claim younger than this is never taken over: its community may be being written right now. */
    static final java.time.Duration SETTLING = java.time.Duration.ofMinutes(1);

    @Inject
    MongoClient mongo;

    @Inject
    CommunityStore communities;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * The comparison key of a community name (see the class comment); empty when the name has no letter or digit.
     */
    public static String key(String name) {
        String decomposed = Normalizer.normalize(name.replace('\u0130', 'I'), Normalizer.Form.NFKD);
        String folded = decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String bare = Normalizer.normalize(folded, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return bare.replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /**
     * Claims a name for an open (public or private) community.
     *
     * @return false when another open community holds a name with the same key
     */
    boolean claim(String name, String communityIri) {
        String key = key(name);
        try {
            collection().insertOne(claimOf(key, communityIri));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
        }
        Document claim = collection().find(eq("_id", key)).first();
        if (claim == null) return claim(name, communityIri);
        String holder = claim.getString("community");
        if (holder.equals(communityIri)) return true;
        java.util.Date at = claim.getDate("at");
        boolean settling = at != null && at.toInstant().isAfter(java.time.Instant.now().minus(SETTLING));
        if (settling || stillHolds(holder, key)) return false;
        // a stale claim: replace it only if nobody replaced it meanwhile
        return collection().replaceOne(Filters.and(eq("_id", key), eq("community", holder)), claimOf(key, communityIri))
                .getModifiedCount() == 1;
    }

    /** Gives a name back, if this community holds it (after a rename, or when creating failed). */
    void release(String name, String communityIri) {
        collection().deleteOne(Filters.and(eq("_id", key(name)), eq("community", communityIri)));
    }

    /**
     * Claims the names of open communities that have none yet (those created before names were unique), gives back
     * secret ones' claims (made before secret names stopped being claimed) and writes {@code nameKey} where missing.
     */
    void claimExisting(@Observes StartupEvent e) {
        for (Document d : mongo.getDatabase(database).getCollection("communities").find()
                .projection(Projections.include("_id", "name", "nameKey", "visibility")).sort(new Document("created", 1))) {
            String name = d.getString("name");
            if (name == null) continue;
            if (!key(name).equals(d.getString("nameKey"))) communities.setNameKey(d.getString("_id"), key(name));
            if (key(name).isEmpty()) continue;
            if (Visibility.SECRET.wire().equals(d.getString("visibility"))) {
                release(name, d.getString("_id"));
                continue;
            }
            try {
                collection().insertOne(new Document("_id", key(name)).append("community", d.getString("_id")));  // no "at": settled
            } catch (MongoWriteException dup) {
                if (dup.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw dup;
            }
        }
    }

    private static Document claimOf(String key, String communityIri) {
        return new Document("_id", key).append("community", communityIri).append("at", new java.util.Date());
    }

    /** Whether the community is open (secret ones hold no claim) and still has a name of this key. */
    private boolean stillHolds(String communityIri, String key) {
        return communities.find(communityIri).map(c -> c.visibility() != Visibility.SECRET && key(c.name()).equals(key))
                .orElse(false);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
