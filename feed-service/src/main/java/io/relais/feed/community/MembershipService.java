package io.relais.feed.community;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.events.Viewer;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Who belongs to which community, read by keyed lookups only: a per-person document
 * ({@code memberships}, {@code _id} = person IRI, a bounded array of {community, role}) answers "my
 * communities" and "my role"; a per-community {@link Roster} answers "all members"; owners and
 * moderators are also kept in the community document for notifications.
 */
@ApplicationScoped
public class MembershipService {

    static final int MEMBERS_PER_BUCKET = 1000;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    CommunityStore communities;

    @Inject
    InputLimits limits;

    private volatile Roster roster;

    /** Communities where the person is a member (any role). */
    public Set<String> communitiesOf(String personIri) {
        return rolesOf(personIri).keySet();
    }

    public Viewer viewerOf(CurrentPerson me) {
        return me.isInternal() ? Viewer.employee(me.iri(), communitiesOf(me.iri()))
                : Viewer.guest(me.iri(), communitiesOf(me.iri()));
    }

    /** An internal employee viewer, for fan-out and notification checks. */
    public Viewer viewerOf(String personIri) {
        return Viewer.employee(personIri, communitiesOf(personIri));
    }

    /** Internal employee viewers of several people, from one keyed read (fan-out checks a batch at once). */
    public Map<String, Viewer> viewersOf(Collection<String> personIris) {
        Map<String, Viewer> out = new HashMap<>();
        if (personIris.isEmpty()) return out;
        for (Document d : people().find(Filters.in("_id", personIris))) {
            Set<String> communities = new LinkedHashSet<>();
            d.getList("c", Document.class, List.of()).forEach(m -> communities.add(m.getString("id")));
            out.put(d.getString("_id"), Viewer.employee(d.getString("_id"), communities));
        }
        personIris.forEach(p -> out.computeIfAbsent(p, q -> Viewer.employee(q, Set.of())));
        return out;
    }

    public List<String> memberIris(String communityIri) {
        return roster().members(communityIri);
    }

    public long memberCount(String communityIri) {
        return roster().count(communityIri);
    }

    public Map<String, Long> memberCounts(Collection<String> communityIris) {
        return roster().counts(communityIris);
    }

    /** Owners and moderators. */
    public Set<String> moderatorsOf(String communityIri) {
        Document d = mongo.getDatabase(database).getCollection("communities").find(eq("_id", communityIri)).first();
        if (d == null) return Set.of();
        Set<String> staff = new LinkedHashSet<>(d.getList("owners", String.class, List.of()));
        staff.addAll(d.getList("moderators", String.class, List.of()));
        return staff;
    }

    public Set<String> ownersOf(String communityIri) {
        Document d = mongo.getDatabase(database).getCollection("communities").find(eq("_id", communityIri)).first();
        return d == null ? Set.of() : new LinkedHashSet<>(d.getList("owners", String.class, List.of()));
    }

    /** Community IRI → role of the person, in joining order. */
    public Map<String, Role> rolesOf(String personIri) {
        Document d = people().find(eq("_id", personIri)).first();
        Map<String, Role> roles = new LinkedHashMap<>();
        if (d != null) {
            for (Document m : d.getList("c", Document.class, List.of())) roles.put(m.getString("id"), Role.of(m.getString("role")));
        }
        return roles;
    }

    public Optional<Role> roleIn(String personIri, String communityIri) {
        return Optional.ofNullable(rolesOf(personIri).get(communityIri));
    }

    /** Roles of several people in one community (one keyed read). */
    public Map<String, Role> rolesIn(String communityIri, Collection<String> personIris) {
        Map<String, Role> out = new HashMap<>();
        if (personIris.isEmpty()) return out;
        for (Document d : people().find(Filters.in("_id", personIris))) {
            for (Document m : d.getList("c", Document.class, List.of())) {
                if (communityIri.equals(m.getString("id"))) out.put(d.getString("_id"), Role.of(m.getString("role")));
            }
        }
        return out;
    }

    /**
     * Makes the person a member with this role (or changes their role). Returns true when they were not
     * a member before. Idempotent: the per-person document decides, so the roster never counts twice.
     */
    boolean put(String personIri, String communityIri, Role role) {
        people().updateOne(eq("_id", personIri), Updates.setOnInsert("c", List.of()), new UpdateOptions().upsert(true));
        boolean added;
        Map<String, Role> current = rolesOf(personIri);
        if (!current.containsKey(communityIri)) {
            if (current.size() >= limits.communitiesPerPerson()) {
                throw ProblemException.conflict("a person may belong to at most " + limits.communitiesPerPerson()
                        + " communities");
            }
            added = people().updateOne(Filters.and(eq("_id", personIri), Filters.ne("c.id", communityIri)),
                    Updates.push("c", new Document("id", communityIri).append("role", role.wire()))).getModifiedCount() == 1;
            if (added) roster().add(communityIri, personIri);
        } else {
            added = false;
            people().updateOne(Filters.and(eq("_id", personIri), eq("c.id", communityIri)), Updates.set("c.$.role", role.wire()));
        }
        communities.pull(communityIri, "owners", personIri);
        communities.pull(communityIri, "moderators", personIri);
        if (role == Role.OWNER) communities.addToSet(communityIri, "owners", personIri);
        if (role == Role.MODERATOR) communities.addToSet(communityIri, "moderators", personIri);
        return added;
    }

    /** Ends the membership; true when the person was a member. */
    boolean remove(String personIri, String communityIri) {
        boolean removed = people().updateOne(eq("_id", personIri),
                Updates.pull("c", new Document("id", communityIri))).getModifiedCount() == 1;
        if (removed) roster().remove(communityIri, personIri);
        communities.pull(communityIri, "owners", personIri);
        communities.pull(communityIri, "moderators", personIri);
        return removed;
    }

    private MongoCollection<Document> people() {
        return mongo.getDatabase(database).getCollection("memberships");
    }

    private Roster roster() {
        if (roster == null) roster = new Roster(mongo.getDatabase(database), "community_members", MEMBERS_PER_BUCKET);
        return roster;
    }
}
