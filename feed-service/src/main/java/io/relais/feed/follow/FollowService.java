package io.relais.feed.follow;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.HashtagKey;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Roster;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Who follows whom. What a person follows is one bounded document ({@code follows}, {@code _id} =
 * person IRI, entries {iri, activity}); the followers of a person, community or hashtag are a
 * {@link Roster}, so both directions are keyed reads.
 */
@ApplicationScoped
public class FollowService {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    @Inject
    ProfileDirectory profiles;

    @Inject
    InputLimits limits;

    @Inject
    Outbox outbox;

    private volatile Roster followers;

    public record Following(List<PersonSummary> persons, List<String> communities, List<String> hashtags) {
    }

    public record Followers(String followed, long count, List<PersonSummary> followers) {
    }

    /** Persons following a person, community or hashtag IRI. */
    public Set<String> followersOf(String followedIri) {
        return new LinkedHashSet<>(roster().members(followedIri));
    }

    /** Followers of several IRIs with two keyed reads (fan-out reads a whole batch's authors at once). */
    public Map<String, List<String>> followersOfAll(Collection<String> followedIris) {
        return roster().membersOfAll(followedIris);
    }

    /** Follower counts of several IRIs in one keyed read (absent = 0). */
    public Map<String, Long> followerCounts(Collection<String> followedIris) {
        return roster().counts(followedIris);
    }

    public long followerCount(String followedIri) {
        return roster().count(followedIri);
    }

    /** What a person follows (person, community and hashtag IRIs). */
    public Set<String> followedBy(String personIri) {
        Document d = people().find(eq("_id", personIri)).first();
        Set<String> out = new LinkedHashSet<>();
        if (d != null) d.getList("f", Document.class, List.of()).forEach(e -> out.add(e.getString("iri")));
        return out;
    }

    /** Follows (idempotent: following twice changes nothing). Returns the followed IRI. */
    public String follow(String kind, String id, CurrentPerson me) {
        String followed = resolve(kind, id, me);
        if (followed.equals(me.iri())) throw ProblemException.invalid("id", "must be someone other than yourself");
        people().updateOne(eq("_id", me.iri()), Updates.setOnInsert("f", List.of()), new UpdateOptions().upsert(true));
        Set<String> current = followedBy(me.iri());
        if (current.contains(followed)) return followed;
        if (current.size() >= limits.followsPerPerson()) {
            throw ProblemException.conflict("a person may follow at most " + limits.followsPerPerson() + " people, communities and hashtags");
        }
        String activity = Iri.of(Iri.ACTIVITY, EventId.next());
        // by _id alone (anything more is a collection scan in the embedded store); the read above says it is new
        boolean added = people().updateOne(eq("_id", me.iri()),
                Updates.push("f", new Document("iri", followed).append("activity", activity))).getModifiedCount() == 1;
        if (added) {
            roster().add(followed, me.iri());
            outbox.append(Activity.builder().id(activity).type(As2.FOLLOW).actor(me.iri()).object(AsObject.ref(followed))
                    .to(audience(followed, me.iri())).build());
        }
        return followed;
    }

    public void unfollow(String kind, String id, CurrentPerson me) {
        unfollow(me.iri(), resolveForUndo(kind, id));
    }

    /**
     * An erased person's follows go both ways (issue 15): what they followed, and everyone's follow of them, each
     * with its Undo on the log. Repeatable.
     *
     * @return how many follows were removed
     */
    public int forget(String personIri) {
        int removed = 0;
        for (String followed : followedBy(personIri)) {
            if (unfollow(personIri, followed)) removed++;
        }
        people().deleteOne(eq("_id", personIri));
        for (String follower : followersOf(personIri)) {
            if (unfollow(follower, personIri)) removed++;
        }
        return removed;
    }

    private boolean unfollow(String follower, String followed) {
        Document d = people().find(eq("_id", follower)).first();
        Document entry = d == null ? null : d.getList("f", Document.class, List.of()).stream()
                .filter(e -> followed.equals(e.getString("iri"))).findFirst().orElse(null);
        if (entry == null) {
            roster().remove(followed, follower); // a roster entry left by a crash goes too
            return false;
        }
        boolean removed = people().updateOne(eq("_id", follower), Updates.pull("f", new Document("iri", followed)))
                .getModifiedCount() == 1;
        if (removed) {
            roster().remove(followed, follower);
            outbox.append(Activity.builder().type(As2.UNDO).actor(follower)
                    .object(AsObject.builder().type(As2.FOLLOW).id(entry.getString("activity")).build())
                    .target(followed).to(audience(followed, follower)).build());
        }
        return removed;
    }

    public Following mine(CurrentPerson me) {
        List<String> persons = new ArrayList<>();
        List<String> comms = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String iri : followedBy(me.iri())) {
            if (Iri.isKind(iri, Iri.PERSON)) persons.add(iri);
            else if (Iri.isKind(iri, Iri.COMMUNITY)) comms.add(iri);
            else if (Iri.isKind(iri, Iri.HASHTAG)) tags.add(iri);
        }
        return new Following(new ArrayList<>(profiles.displaysOf(persons).values()), comms, tags);
    }

    public Followers followers(String kind, String id, CurrentPerson me) {
        String followed = resolve(kind, id, me);
        List<String> iris = roster().members(followed);
        Map<String, PersonSummary> display = profiles.displaysOf(iris);
        return new Followers(followed, iris.size(), new ArrayList<>(display.values()));
    }

    /** The IRI behind /{kind}/{id}; a community the person may not know answers 404. */
    private String resolve(String kind, String id, CurrentPerson me) {
        try {
            switch (kind) {
                case "person":
                    return Iri.person(id);
                case "hashtag":
                    return hashtag(id);
                case "community":
                    Viewer viewer = memberships.viewerOf(me);
                    Community c = communities.find(Iri.community(id)).filter(x -> x.visibleTo(viewer))
                            .orElseThrow(() -> ProblemException.notFound("community " + id));
                    return c.iri();
                default:
                    throw ProblemException.invalid("kind", "must be person, community or hashtag");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a login, a community slug or a hashtag");
        }
    }

    /** A followed hashtag: its canonical key ({@link HashtagKey}), the one posts are tagged with. */
    private static String hashtag(String typed) {
        String key = HashtagKey.of(typed);
        if (!HashtagKey.isWellFormed(key)) {
            throw ProblemException.invalid("id", "must be a hashtag: a letter then letters, digits or _, at most "
                    + HashtagKey.MAX_LENGTH + " characters");
        }
        return Iri.hashtag(key);
    }

    private String resolveForUndo(String kind, String id) {
        try {
            return switch (kind) {
                case "person" -> Iri.person(id);
                case "hashtag" -> Iri.hashtag(HashtagKey.of(id));
                case "community" -> Iri.community(id.toLowerCase(Locale.ROOT));
                default -> throw ProblemException.invalid("kind", "must be person, community or hashtag");
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a login, a community slug or a hashtag");
        }
    }

    /**
     * A follow of a person is addressed to them (they are told); of a community, to its members (a
     * secret community's follows stay inside it); of a hashtag, to the follower only.
     */
    private static List<String> audience(String followed, String follower) {
        if (Iri.isKind(followed, Iri.PERSON) || Iri.isKind(followed, Iri.COMMUNITY)) return List.of(followed);
        return List.of(follower);
    }

    private MongoCollection<Document> people() {
        return mongo.getDatabase(database).getCollection("follows");
    }

    private Roster roster() {
        if (followers == null) followers = new Roster(mongo.getDatabase(database), "followers", 1000);
        return followers;
    }
}
