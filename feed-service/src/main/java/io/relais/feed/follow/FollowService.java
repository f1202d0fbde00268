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
import io.relais.feed.community.CommunityService;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Roster;
import io.relais.feed.community.Visibility;
import io.relais.feed.profile.KnownPeople;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Who follows whom. What a person follows is one bounded document ({@code follows}, {@code _id} =
 * person IRI, entries {iri, activity}); the followers of a person, community or hashtag are a
 * {@link Roster}, so both directions are keyed reads. A follow or unfollow is one write of the person's document
 * carrying its outbox mark ({@link OutboxMarks}); the roster change and the outbox append follow, and a crash in
 * between is completed by {@link #republish} at start and every {@code feed.outbox.republish-every} (issue 16).
 */
@ApplicationScoped
public class FollowService {

    private static final Logger LOG = Logger.getLogger(FollowService.class);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    @Inject
    CommunityService communityRules;

    @Inject
    ProfileDirectory profiles;

    /** Who exists (the profiles read model): a person is followed only if profile-service published them. */
    @Inject
    KnownPeople known;

    @Inject
    InputLimits limits;

    @Inject
    OutboxMarks marks;

    /** The replica's read-path caches: what a reader follows ({@link #following}), dropped by every follow write. */
    @Inject
    ReadCaches caches;

    private volatile Roster followers;

    /** Whether this process's {@link #endFollowsOfNonMembers} has run through (once, after start); guarded by sweepLock. */
    private boolean swept;

    private final Object sweepLock = new Object();

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

    /**
     * What a person follows, for what they read (feeds): as {@link #followedBy}, kept in this replica's
     * {@link ReadCaches} ("follows"). Every Follow and Undo has the follower as actor, which drops it, on this replica
     * at once and on the others when their live consumer reads the activity. Writes decide on {@link #followedBy}.
     */
    public Set<String> following(String personIri) {
        if (caches == null) return followedBy(personIri);
        return caches.<Set<String>>named("follows", caches.maxPeople())
                .get(personIri, p -> Collections.unmodifiableSet(followedBy(p)));
    }

    private void changed(String personIri) {
        if (caches != null) caches.changed(personIri);
    }

    /**
     * Follows (idempotent: following twice changes nothing). Returns the followed IRI.
     *
     * @throws ProblemException 404 for a person feed-service does not know ({@link KnownPeople}: never published by
     *                          profile-service, or erased) or a community the person may not see, with nothing stored
     *                          or published; 403 naming {@code id} for a private or secret community the person
     *                          does not belong to (an invitee included: its posts are its members'), nothing stored;
     *                          400 for oneself or an id that is no login, slug or hashtag
     */
    public String follow(String kind, String id, CurrentPerson me) {
        String followed = resolve(kind, id, me);
        if (followed.equals(me.iri())) throw ProblemException.invalid("id", "must be someone other than yourself");
        boolean membersOnly = membersOnly(followed);
        if (membersOnly && memberships.roleIn(me.iri(), followed).isEmpty()) throw notAMember();
        people().updateOne(eq("_id", me.iri()), Updates.setOnInsert("f", List.of()), new UpdateOptions().upsert(true));
        Set<String> current = followedBy(me.iri());
        if (current.contains(followed)) return followed;
        if (current.size() >= limits.followsPerPerson()) {
            throw ProblemException.conflict("a person may follow at most " + limits.followsPerPerson() + " people, communities and hashtags");
        }
        OutboxRecord record = writeFollow(me.iri(), followed);
        if (record != null) {
            roster().add(followed, me.iri());
            marks.announce(people(), me.iri(), record);
        }
        // removed between the check and the write: that removal's unfollow may have run before this follow existed
        if (membersOnly && memberships.roleIn(me.iri(), followed).isEmpty()) unfollow(me.iri(), followed);
        return followed;
    }

    /** Whether only members may follow this IRI: a private or secret community (one that is gone, too). */
    private boolean membersOnly(String followed) {
        return Iri.isKind(followed, Iri.COMMUNITY)
                && communities.find(followed).map(c -> c.visibility() != Visibility.PUBLIC).orElse(true);
    }

    private static ProblemException notAMember() {
        String rule = "must be a community you belong to: a private or secret community is followed by its members only";
        return ProblemException.forbidden("id", rule);
    }

    /**
     * A membership ended (left, removed, erased): the follow of a private or secret community ends with it, its Undo on
     * the log by the person, as if they had unfollowed; a public community's stays, since anyone may follow it.
     * Keyed reads and writes of the person's {@code follows} document and the community's followers roster; idempotent.
     */
    void membershipEnded(@Observes MembershipService.Ended e) {
        if (membersOnly(e.community())) unfollow(e.person(), e.community());
    }

    /**
     * A public community became private or secret: the follows of people who are not its members end (Undo on the log,
     * by each of them). One keyed read of its followers roster and one of their memberships.
     */
    void communityClosed(@Observes CommunityService.Closed e) {
        endFollowsOfNonMembers(e.community());
    }

    /**
     * Ends every follow of a private or secret community by someone who is not its member, each as
     * {@link #communityClosed} does (Undo on the log, by the follower). What it mends: a crash between a community's
     * closing and the end of that loop, and follows stored before only members could follow. Run once after start
     * ({@link #periodically}); idempotent, so repeating it (on each replica) ends nothing twice. Cost: one scan of
     * the non-public communities' IRIs (communities are few), then per community the keyed reads of
     * {@link #communityClosed}.
     *
     * @return how many follows it ended
     */
    int endFollowsOfNonMembers() {
        int ended = 0;
        for (String community : communities.notPublic()) ended += endFollowsOfNonMembers(community);
        if (ended > 0) {
            LOG.warnf("ended %d follows of private or secret communities by people who are not their members"
                    + " (left by a crash while a community closed, or stored before only members could follow)", ended);
        }
        return ended;
    }

    /** Ends the follows of the community by its followers who are not its members; answers how many it ended. */
    private int endFollowsOfNonMembers(String community) {
        List<String> followers = roster().members(community);
        Set<String> members = memberships.rolesIn(community, followers).keySet();
        int ended = 0;
        for (String follower : followers) {
            if (!members.contains(follower) && unfollow(follower, community)) ended++;
        }
        return ended;
    }

    /**
     * The one write of a follow: the entry and its Follow's outbox mark, on condition that the follower does not
     * follow it yet. What a crash right after it leaves is completed by {@link #republish}.
     *
     * @return the marked record, or null when nothing was written (already followed)
     */
    OutboxRecord writeFollow(String follower, String followed) {
        try {
            return writeFollowOnce(follower, followed);
        } finally {
            changed(follower);
        }
    }

    private OutboxRecord writeFollowOnce(String follower, String followed) {
        people().updateOne(eq("_id", follower), Updates.setOnInsert("f", List.of()), new UpdateOptions().upsert(true));
        String activity = Iri.of(Iri.ACTIVITY, EventId.next());
        OutboxRecord record = marks.record(Activity.builder().id(activity).type(As2.FOLLOW).actor(follower)
                .object(AsObject.ref(followed)).to(audience(followed, follower)).build());
        boolean added = people().updateOne(Filters.and(eq("_id", follower), Filters.ne("f.iri", followed)),
                Updates.combine(Updates.push("f", new Document("iri", followed).append("activity", activity)),
                        marks.mark(people(), follower, record))).getModifiedCount() == 1;
        return added ? record : null;
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
        changed(personIri);
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
        OutboxRecord undo = writeUnfollow(follower, followed, entry.getString("activity"));
        if (undo != null) {
            roster().remove(followed, follower);
            marks.announce(people(), follower, undo);
        }
        return undo != null;
    }

    /**
     * The one write of an unfollow: the entry out and its Undo's outbox mark in, on condition that the entry read
     * (its Follow {@code activity}) is still stored. What a crash right after it leaves is completed by
     * {@link #republish}.
     *
     * @return the marked record, or null when nothing was written (no longer followed)
     */
    OutboxRecord writeUnfollow(String follower, String followed, String activity) {
        try {
            return writeUnfollowOnce(follower, followed, activity);
        } finally {
            changed(follower);
        }
    }

    private OutboxRecord writeUnfollowOnce(String follower, String followed, String activity) {
        OutboxRecord undo = marks.record(Activity.builder().type(As2.UNDO).actor(follower)
                .object(AsObject.builder().type(As2.FOLLOW).id(activity).build())
                .target(followed).to(audience(followed, follower)).build());
        boolean removed = people().updateOne(Filters.and(eq("_id", follower), eq("f.activity", activity)),
                Updates.combine(Updates.pull("f", new Document("iri", followed)), marks.mark(people(), follower, undo)))
                .getModifiedCount() == 1;
        return removed ? undo : null;
    }

    /**
     * Completes follows and unfollows cut by a crash (issue 16): every Follow or Undo marked on a person's
     * {@code follows} document and not yet appended gets its roster change redone (idempotently: a follower
     * listed once, a removal that counts only what it removes) and is appended to the outbox, once.
     *
     * @param minAge marks younger than this are left to the request that is still writing them
     * @return how many activities were appended
     */
    public int republish(Duration minAge) {
        return marks.republish(people(), minAge, this::repair);
    }

    /** Redoes the follow-up writes of a marked activity from what the person's document holds now (idempotent). */
    private void repair(Document stored, Activity activity) {
        Set<String> now = new LinkedHashSet<>();
        stored.getList("f", Document.class, List.of()).forEach(e -> now.add(e.getString("iri")));
        if (As2.FOLLOW.equals(activity.type()) && activity.object() != null) {
            if (now.contains(activity.object().id())) roster().ensure(activity.object().id(), activity.actor());
        } else if (As2.UNDO.equals(activity.type()) && activity.target() != null) {
            if (!now.contains(activity.target())) roster().remove(activity.target(), activity.actor());
        }
    }

    void atStart(@Observes StartupEvent e) {
        marks.adoptMarksBeforeLedger(people());
        int n = marks.republish(people(), OutboxMarks.leftBehind(), this::repair);
        if (n > 0) LOG.warnf("re-published %d follows and unfollows written but not announced before the last stop", n);
    }

    /**
     * Every {@code feed.outbox.republish-every} from that long after start: re-publishes what a failed append left;
     * the first run that gets through also ends non-members' follows of private and secret communities
     * ({@link #endFollowsOfNonMembers}), after the re-publication so that the rosters it reads are complete.
     */
    @Scheduled(every = "{feed.outbox.republish-every:60s}", delayed = "{feed.outbox.republish-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        int n = republish(OutboxMarks.SETTLED);
        if (n > 0) LOG.warnf("re-published %d follows and unfollows written but not announced (a failed append)", n);
        sweepOnce();
    }

    /** {@link #endFollowsOfNonMembers}, unless this process did it already; a failed one is tried again next time. */
    private void sweepOnce() {
        synchronized (sweepLock) {
            if (swept) return;
            endFollowsOfNonMembers();
            swept = true;
        }
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

    /** Who follows a person, a community or a hashtag; 404 for a person or community {@link #resolve} does not admit. */
    public Followers followers(String kind, String id, CurrentPerson me) {
        String followed = resolve(kind, id, me);
        // a private community's followers are some of its members: listed only to whom may list its members (404 as that
        // list answers), not to every employee who sees its name
        if ("community".equals(kind) && communities.find(followed)
                .filter(c -> communityRules.membersVisibleTo(c, me)).isEmpty()) {
            throw ProblemException.notFound("community " + id);
        }
        List<String> iris = roster().members(followed);
        Map<String, PersonSummary> display = profiles.displaysOf(iris);
        return new Followers(followed, iris.size(), new ArrayList<>(display.values()));
    }

    /**
     * The IRI behind /{kind}/{id} to follow or list the followers of. A person profile-service has not published
     * (a typo, a login that never existed) or has erased answers 404, as a community the person may not know does,
     * and as muting something that does not exist does (SECURITY §8): a follow of nobody is never stored or
     * announced. One keyed read of the profiles read model.
     */
    private String resolve(String kind, String id, CurrentPerson me) {
        try {
            switch (kind) {
                case "person":
                    String person = Iri.person(id);
                    if (!known.isKnown(person)) throw ProblemException.notFound("person " + id);
                    return person;
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
