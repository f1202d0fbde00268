package io.relais.feed.community;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.relais.events.Activity;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;

/**
 * Who belongs to which community, read by keyed lookups only: a per-person document
 * ({@code memberships}, {@code _id} = person IRI, a bounded array of {community, role}) answers "my
 * communities" and "my role"; a per-community {@link Roster} answers "all members"; owners and
 * moderators are also kept in the community document for notifications. A join, a role change or a leave is
 * one write of the person's document carrying its outbox mark ({@link OutboxMarks}); the roster, the community
 * document and the outbox append follow, and {@link #republish} completes them after a crash (issue 16). Bulk
 * imports ({@link #putAll}) are not marked: their Joins follow the bulk write.
 */
@ApplicationScoped
public class MembershipService {

    private static final Logger LOG = Logger.getLogger(MembershipService.class);
    static final int MEMBERS_PER_BUCKET = 1000;

    @Inject
    OutboxMarks marks;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    CommunityStore communities;

    @Inject
    InputLimits limits;

    /** The replica's read-path caches: a reader's communities ({@link #readerOf}), dropped by every membership write. */
    @Inject
    ReadCaches caches;

    /** Told when a membership ended (see {@link Ended}). */
    @Inject
    Event<Ended> ended;

    private volatile Roster roster;

    /**
     * A membership ended: the person left, was removed or erased ({@link #remove}), or {@link #republish} completed such
     * an end cut by a crash. Fired synchronously after the membership write and before its Leave is appended, so what an
     * observer does is redone by the re-publication pass if the process stops in between; observers are idempotent.
     * (feed-service's {@code FollowService} ends the person's follow of a private or secret community.)
     *
     * @param person    person IRI
     * @param community community IRI
     */
    public record Ended(String person, String community) {
    }

    /** How many communities one person may belong to. */
    public int communityLimit() {
        return limits.communitiesPerPerson();
    }

    /** Communities where the person is a member (any role). */
    public Set<String> communitiesOf(String personIri) {
        return rolesOf(personIri).keySet();
    }

    public Viewer viewerOf(CurrentPerson me) {
        return me.isInternal() ? Viewer.employee(me.iri(), communitiesOf(me.iri()))
                : Viewer.guest(me.iri(), communitiesOf(me.iri()));
    }

    /**
     * The viewer for what a person reads (feeds): as {@link #viewerOf(CurrentPerson)}, with the person's communities
     * kept in this replica's {@link ReadCaches} ("memberships"). Every Join, Leave, approval or removal naming the person
     * drops them, on this replica at once and on the others when their live consumer reads its activity. Decisions
     * that write (posting, moderating) use {@link #viewerOf(CurrentPerson)}, which reads the store.
     */
    public Viewer readerOf(CurrentPerson me) {
        Set<String> communities = readerCommunities(me.iri());
        return me.isInternal() ? Viewer.employee(me.iri(), communities) : Viewer.guest(me.iri(), communities);
    }

    /** An internal employee as a reader (see {@link #readerOf(CurrentPerson)}). */
    public Viewer readerOf(String personIri) {
        return Viewer.employee(personIri, readerCommunities(personIri));
    }

    private Set<String> readerCommunities(String personIri) {
        if (caches == null) return communitiesOf(personIri);
        return caches.<Set<String>>named("memberships", caches.maxPeople())
                .get(personIri, p -> Collections.unmodifiableSet(new LinkedHashSet<>(communitiesOf(p))));
    }

    /** This replica changed these people's memberships: their cached communities go ({@link #readerOf}). */
    private void changed(Collection<String> personIris) {
        if (caches != null) caches.changed(personIris);
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

    /** Members of several communities with two keyed reads. */
    public Map<String, List<String>> memberIrisOfAll(Collection<String> communityIris) {
        return roster().membersOfAll(communityIris);
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
     *
     * @param announce given whether the membership is new, the activity announcing the change (a Join), or null
     *                 for none; it is marked on the person's document in the same write as the change
     *                 ({@link OutboxMarks}), then appended once the roster and the community's owners and moderators
     *                 follow; a crash in between is completed by {@link #republish} (issue 16)
     */
    boolean put(String personIri, String communityIri, Role role, Function<Boolean, Activity> announce) {
        synchronized (writeLock(communityIri)) {
            try {
                Put put = writePut(personIri, communityIri, role, announce);
                if (put.added()) roster().add(communityIri, personIri);
                if (put.written()) setModeration(communityIri, personIri, role);
                if (put.record() != null) marks.announce(people(), personIri, put.record());
                return put.added();
            } finally {
                changed(List.of(personIri));
            }
        }
    }

    /**
     * What the one write of {@link #put} did.
     *
     * @param added   the person was not a member and now is
     * @param written the membership (new, or its role) was written
     * @param record  the outbox record marked in that write, or null
     */
    record Put(boolean added, boolean written, OutboxRecord record) {
    }

    /**
     * The one write of a membership change: the entry (added, or its role set) and the outbox mark of its
     * announcement, on condition that the person is (for a role) or is not (for a new membership) a member.
     */
    Put writePut(String personIri, String communityIri, Role role, Function<Boolean, Activity> announce) {
        people().updateOne(eq("_id", personIri), Updates.setOnInsert("c", List.of()), new UpdateOptions().upsert(true));
        Map<String, Role> current = rolesOf(personIri);
        boolean isNew = !current.containsKey(communityIri);
        if (isNew && current.size() >= limits.communitiesPerPerson()) {
            throw ProblemException.conflict("a person may belong to at most " + limits.communitiesPerPerson()
                    + " communities");
        }
        Activity activity = announce.apply(isNew);
        OutboxRecord record = activity == null ? null : marks.record(activity);
        List<Bson> update = new ArrayList<>();
        boolean written;
        if (isNew) {
            // $addToSet of the exact entry, on condition that no entry of the community is there yet
            update.add(Updates.addToSet("c", new Document("id", communityIri).append("role", role.wire())));
            if (record != null) update.add(marks.mark(people(), personIri, record));
            written = people().updateOne(Filters.and(eq("_id", personIri), Filters.ne("c.id", communityIri)),
                    Updates.combine(update)).getModifiedCount() == 1;
        } else {
            update.add(Updates.set("c.$[m].role", role.wire()));
            if (record != null) update.add(marks.mark(people(), personIri, record));
            written = people().updateOne(Filters.and(eq("_id", personIri), eq("c.id", communityIri)), Updates.combine(update),
                    new UpdateOptions().arrayFilters(List.of(eq("m.id", communityIri)))).getModifiedCount() == 1;
        }
        return new Put(isNew && written, written, written ? record : null);
    }

    /** The community document's owners and moderators, after a person's role in it was set (idempotent). */
    private void setModeration(String communityIri, String personIri, Role role) {
        communities.pull(communityIri, "owners", personIri);
        communities.pull(communityIri, "moderators", personIri);
        if (role == Role.OWNER) communities.addToSet(communityIri, "owners", personIri);
        if (role == Role.MODERATOR) communities.addToSet(communityIri, "moderators", personIri);
    }

    /**
     * Membership writes filter by {@code _id} alone (the embedded store scans the collection for anything
     * more), so "not a member yet" is decided by a read before the write; writes of one community are
     * serialised in this replica so two of them cannot both decide "new" for the same person. (Across
     * replicas a simultaneous join and import of the same person could still count them twice in the roster.)
     */
    private Object writeLock(String communityIri) {
        return writeLocks.computeIfAbsent(communityIri, c -> new Object());
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Object> writeLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What {@link #putAll} did.
     *
     * @param added          people who were not members and now are, in input order
     * @param alreadyMembers people who were members already (their role is left as it was)
     * @param atLimit        people left out because they belong to as many communities as allowed
     * @param memberCount    the community's member count afterwards
     * @param failure        a store error that left some of the others out (null when none): the caller
     *                       still records what was done, then rethrows it
     */
    record BulkPut(List<String> added, List<String> alreadyMembers, List<String> atLimit, long memberCount,
                   RuntimeException failure) {
    }

    /**
     * Makes many people members with one role, in a fixed number of round trips whatever their number:
     * one {@code _id $in} read of their membership documents, one unordered bulk write of upserts that
     * push the community (filter {@code c.id $ne community}, so a concurrent join cannot add it twice),
     * then {@link Roster#addAll}. Only people whose document this call really changed reach the roster,
     * so the count stays exact when the same list comes again. Existing members keep their role.
     * Owners and moderators listed in the community document are the caller's to update.
     */
    BulkPut putAll(String communityIri, Collection<String> personIris, Role role) {
        synchronized (writeLock(communityIri)) {
            return putAllLocked(communityIri, personIris, role);
        }
    }

    private BulkPut putAllLocked(String communityIri, Collection<String> personIris, Role role) {
        try {
            return putAllWrites(communityIri, personIris, role);
        } finally {
            changed(personIris);
        }
    }

    private BulkPut putAllWrites(String communityIri, Collection<String> personIris, Role role) {
        Map<String, List<Document>> current = new HashMap<>();
        for (Document d : people().find(Filters.in("_id", personIris))) {
            current.put(d.getString("_id"), d.getList("c", Document.class, List.of()));
        }
        List<String> already = new ArrayList<>();
        List<String> atLimit = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (String person : personIris) {
            List<Document> entries = current.getOrDefault(person, List.of());
            if (entries.stream().anyMatch(m -> communityIri.equals(m.getString("id")))) already.add(person);
            else if (entries.size() >= limits.communitiesPerPerson()) atLimit.add(person);
            else candidates.add(person);
        }
        Pushed pushed = pushAll(communityIri, candidates, role);
        List<String> added = new ArrayList<>();
        for (String person : candidates) {
            if (pushed.added().contains(person)) added.add(person);
            else if (pushed.member().contains(person)) already.add(person);
        }
        long count = roster().addAll(communityIri, added);
        return new BulkPut(added, already, atLimit, count, pushed.failure());
    }

    private record Pushed(Set<String> added, Set<String> member, RuntimeException failure) {
    }

    /**
     * One unordered bulk write of upserts. Each update either matches (the push then changes the
     * document), upserts a new document, or collides on {@code _id} because the document exists and
     * already holds the community. A collision is tried once more, to tell it from another writer
     * creating the same person's document at that moment; a second one means "already a member".
     */
    private Pushed pushAll(String communityIri, List<String> persons, Role role) {
        Document entry = new Document("id", communityIri).append("role", role.wire());
        Set<String> added = new HashSet<>();
        Set<String> member = new HashSet<>();
        RuntimeException failure = null;
        List<String> pending = persons;
        for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
            List<UpdateOneModel<Document>> writes = new ArrayList<>(pending.size());
            for (String person : pending) {
                // by _id alone (anything more is a collection scan in the embedded store); the read above
                // found these people without the community, and $addToSet of the exact entry adds it once
                writes.add(new UpdateOneModel<>(eq("_id", person), Updates.addToSet("c", entry), new UpdateOptions().upsert(true)));
            }
            Set<Integer> collided = new HashSet<>();
            Set<Integer> failed = new HashSet<>();
            try {
                people().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        collided.add(error.getIndex());
                    } else {
                        failed.add(error.getIndex());
                        failure = e;
                    }
                }
            }
            List<String> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (collided.contains(i)) retry.add(pending.get(i));
                else if (!failed.contains(i)) added.add(pending.get(i));
            }
            pending = retry;
            if (failure != null) break;
        }
        if (failure == null) member.addAll(pending); // collided twice: the document holds the community
        return new Pushed(added, member, failure);
    }

    /**
     * Ends the membership; true when the person was a member.
     *
     * @param leave the activity announcing it (a Leave), or null for none; marked in the same write as the removal,
     *              appended once the roster and the community's owners and moderators follow (see {@link #put})
     */
    boolean remove(String personIri, String communityIri, Activity leave) {
        Removed removed;
        try {
            removed = writeRemove(personIri, communityIri, leave);
        } finally {
            changed(List.of(personIri));
        }
        if (removed.removed()) roster().remove(communityIri, personIri);
        communities.pull(communityIri, "owners", personIri);
        communities.pull(communityIri, "moderators", personIri);
        // also when nothing was removed here: a repeated removal completes what a failed one left (observers are idempotent)
        ended.fire(new Ended(personIri, communityIri));
        if (removed.record() != null) marks.announce(people(), personIri, removed.record());
        return removed.removed();
    }

    /**
     * What the one write of {@link #remove} did.
     *
     * @param removed the person was a member and no longer is
     * @param record  the outbox record marked in that write, or null
     */
    record Removed(boolean removed, OutboxRecord record) {
    }

    /**
     * The one write of a membership's end: the entry out and the Leave's outbox mark in, on condition that the
     * person is a member.
     */
    Removed writeRemove(String personIri, String communityIri, Activity leave) {
        OutboxRecord record = leave == null ? null : marks.record(leave);
        List<Bson> update = new ArrayList<>();
        update.add(Updates.pull("c", new Document("id", communityIri)));
        if (record != null) update.add(marks.mark(people(), personIri, record));
        boolean removed = people().updateOne(Filters.and(eq("_id", personIri), eq("c.id", communityIri)),
                Updates.combine(update)).getModifiedCount() == 1;
        return new Removed(removed, removed ? record : null);
    }

    /**
     * Completes membership changes cut by a crash (issue 16): every Join or Leave marked on a person's
     * {@code memberships} document and not yet appended gets its roster and owners/moderators changes redone
     * from what the document holds now (idempotently: a member listed once, a removal that counts only what it
     * removes) and is appended to the outbox, once.
     *
     * @param minAge marks younger than this are left to the request that is still writing them
     * @return how many activities were appended
     */
    public int republish(Duration minAge) {
        return marks.republish(people(), minAge, this::repair);
    }

    /** Redoes the follow-up writes of a marked activity from what the person's document holds now (idempotent). */
    private void repair(Document stored, Activity activity) {
        String community = activity.target() != null && Iri.isKind(activity.target(), Iri.COMMUNITY) ? activity.target()
                : activity.object() != null ? activity.object().id() : null;
        if (community == null || activity.actor() == null) return;
        changed(List.of(activity.actor())); // its write was made before this pass: the cached communities may predate it
        Role now = null;
        for (Document m : stored.getList("c", Document.class, List.of())) {
            if (community.equals(m.getString("id"))) now = Role.of(m.getString("role"));
        }
        synchronized (writeLock(community)) {
            if (now != null) {
                roster().ensure(community, activity.actor());
                setModeration(community, activity.actor(), now);
            } else {
                roster().remove(community, activity.actor());
                communities.pull(community, "owners", activity.actor());
                communities.pull(community, "moderators", activity.actor());
            }
        }
        if (now == null) ended.fire(new Ended(activity.actor(), community));
    }

    void atStart(@Observes StartupEvent e) {
        marks.adoptMarksBeforeLedger(people());
        int n = marks.republish(people(), OutboxMarks.leftBehind(), this::repair);
        if (n > 0) LOG.warnf("re-published %d membership changes written but not announced before the last stop", n);
    }

    @Scheduled(every = "{feed.outbox.republish-every:60s}", delayed = "{feed.outbox.republish-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        int n = republish(OutboxMarks.SETTLED);
        if (n > 0) LOG.warnf("re-published %d membership changes written but not announced (a failed append)", n);
    }

    private MongoCollection<Document> people() {
        return mongo.getDatabase(database).getCollection("memberships");
    }

    private Roster roster() {
        if (roster == null) roster = new Roster(mongo.getDatabase(database), "community_members", MEMBERS_PER_BUCKET);
        return roster;
    }
}
