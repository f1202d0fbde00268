package io.relais.profile.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.profile.person.Person;
import io.relais.profile.person.ProfileWritten;
import io.relais.profile.person.Skills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One small document per facet value ({@code _id} = "department|data", "skill|kafka", "all|") listing
 * the logins of the active people who have it, kept up to date on every profile write. A directory
 * filter is then one keyed lookup per facet and an intersection, never a scan of the people.
 */
@ApplicationScoped
public class DirectoryIndex {

    static final String COLLECTION = "directory_facets";
    public static final String ALL = "all|";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public static String facet(String kind, String value) {
        return kind + "|" + Skills.key(value);
    }

    /** Facet key → display label of everything {@code p} is listed under (nothing once they have left). */
    static Map<String, String> facetsOf(Person p) {
        Map<String, String> out = new HashMap<>();
        if (p == null || !p.isActive()) return out;
        out.put(ALL, "");
        if (notBlank(p.department)) out.put(facet("department", p.department), Skills.clean(p.department));
        if (notBlank(p.location)) out.put(facet("location", p.location), Skills.clean(p.location));
        for (String s : p.skills) out.put(facet("skill", s), Skills.clean(s));
        return out;
    }

    /** Keeps the facets in step with every profile write (creation, change, erasure). */
    void onProfileWritten(@Observes ProfileWritten write) {
        reindex(write.login(), write.before(), write.after());
    }

    /** Moves {@code login} between facets from its state before a write to its state after (null = absent). */
    public void reindex(String login, Person before, Person after) {
        Map<String, String> old = facetsOf(before);
        Map<String, String> now = facetsOf(after);
        for (String key : old.keySet()) {
            if (!now.containsKey(key)) {
                collection().updateOne(Filters.eq("_id", key), Updates.pull("members", login));
            }
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!old.containsKey(e.getKey())) {
                collection().updateOne(Filters.eq("_id", e.getKey()),
                        Updates.combine(Updates.addToSet("members", login), Updates.set("label", e.getValue())),
                        new UpdateOptions().upsert(true));
            }
        }
    }

    /** Logins listed under every given facet, sorted; all active people when no facet is given. */
    public TreeSet<String> members(List<String> facets) {
        List<String> keys = facets.isEmpty() ? List.of(ALL) : facets;
        Map<String, Set<String>> byKey = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", keys))) {
            byKey.put(d.getString("_id"), new HashSet<>(d.getList("members", String.class, List.of())));
        }
        TreeSet<String> result = null;
        for (String key : keys) {
            Set<String> m = byKey.getOrDefault(key, Set.of());
            if (result == null) result = new TreeSet<>(m);
            else result.retainAll(m);
        }
        return result;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
