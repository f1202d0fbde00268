package io.relais.feed.notification;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.relais.feed.timeline.CappedBuckets;
import io.relais.feed.timeline.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notifications in per-person day buckets, and one small state document per person holding the
 * unread counter, the "everything before this is read" mark, the bucket days and the mutes.
 *
 * <pre>
 * notification_state:   {_id: person, unread: 3, readUpTo: millis, days: [20410, ...], mutes: [community or post IRI],
 *                        onboardingDismissed: millis (absent: the welcome panel is still shown)}
 * notification_buckets: {_id: "person|20410", o: person, d: 20410, e: [{id, k, a, o, p, c, x, t, r, s}]}
 *                        s: the post or comment whose hide set the entry aside (absent: shown)
 * notification_threads: {_id: root post IRI, people: [person]}   who was ever notified about the thread
 * </pre>
 */
@ApplicationScoped
public class NotificationStore {

    /** Entry field: the hidden post or comment that set the notification aside. */
    static final String SET_ASIDE_BY = "s";

    /** Entry field of a reaction notification: the local id of the Like in force (absent: the one its id derives from). */
    static final String LIKE = "l";

    /** Entry field of a reaction notification: when the Like in force was published, epoch millis (absent: {@code t}). */
    static final String LIKED_AT = "lt";

    /** {@link #SET_ASIDE_BY} of a reaction notification taken back because its reactor took the reaction back (an Undo). */
    static final String UNDONE = "urn:relais:undone";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    NotificationConfig config;

    void init(@Observes StartupEvent e) {
        buckets().createIndex(Indexes.ascending("d"), new IndexOptions().name("by_day"));
    }

    /**
     * Stores a batch, skipping notifications already there (same id): one update per (person, day) bucket
     * with its new notifications ({@link CappedBuckets}: filters by {@code _id} alone), then one state
     * update per person.
     *
     * @return the notifications this call added (those already there are left out), in the batch's order
     */
    public List<Notification> addAll(List<Notification> batch) {
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        // one activity notifies several people under the same id (a reply: the parent's and the root's authors),
        // so an entry is known by its bucket (its recipient) and its id
        Map<String, Notification> byEntry = new HashMap<>();
        for (Notification n : batch) {
            String bucket = CappedBuckets.bucketId(n.recipient(), n.day());
            byBucket.computeIfAbsent(bucket, id -> new ArrayList<>()).add(n.toDocument());
            byEntry.put(bucket + "#" + n.id(), n);
        }
        List<Notification> added = new ArrayList<>();
        new CappedBuckets(buckets(), "id", config.bucketCapacity()).pushMissing(byBucket)
                .forEach((bucket, docs) -> docs.forEach(d -> added.add(byEntry.get(bucket + "#" + d.getString("id")))));
        countUnread(added);
        rememberThreads(added);
        return added;
    }

    /**
     * Adds the recipients of notifications about a thread to that thread's list (one upsert by {@code _id} per
     * thread), so that deleting its post can take back every notification about it, at any depth.
     */
    private void rememberThreads(List<Notification> added) {
        Map<String, Set<String>> byThread = new LinkedHashMap<>();
        for (Notification n : added) {
            if (n.post() != null) byThread.computeIfAbsent(n.post(), p -> new LinkedHashSet<>()).add(n.recipient());
        }
        if (byThread.isEmpty()) return;
        List<WriteModel<Document>> writes = new ArrayList<>(byThread.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        byThread.forEach((post, people) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", post),
                Updates.addEachToSet("people", new ArrayList<>(people)), upsert)));
        threads().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Everyone ever notified about a thread (its post, comments, replies, reactions); empty when none. */
    public Set<String> notifiedAbout(String postIri) {
        if (postIri == null) return Set.of();
        Document d = threads().find(Filters.eq("_id", postIri)).first();
        return d == null ? Set.of() : new LinkedHashSet<>(d.getList("people", String.class, List.of()));
    }

    private void countUnread(List<Notification> added) {
        if (added.isEmpty()) return;
        Set<String> people = new LinkedHashSet<>();
        added.forEach(n -> people.add(n.recipient()));
        Map<String, Long> readUpTo = new HashMap<>();
        for (Document state : states().find(Filters.in("_id", people))) readUpTo.put(state.getString("_id"), readUpTo(state));
        Map<String, Integer> unread = new LinkedHashMap<>();
        Map<String, Set<Long>> days = new LinkedHashMap<>();
        for (Notification n : added) {
            unread.merge(n.recipient(), n.time() > readUpTo.getOrDefault(n.recipient(), Long.MIN_VALUE) ? 1 : 0, Integer::sum);
            days.computeIfAbsent(n.recipient(), p -> new LinkedHashSet<>()).add(n.day());
        }
        List<WriteModel<Document>> writes = new ArrayList<>(people.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (String person : people) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", person), Updates.combine(
                    Updates.addEachToSet("days", new ArrayList<>(days.get(person))), Updates.inc("unread", unread.get(person))), upsert));
        }
        states().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * Takes back notifications that are no longer true (their post or comment was deleted, an edit removed
     * the mention): among these people's buckets from {@code sinceMillis}'s day on, every entry that
     * {@code match}es is pulled, one {@code findOneAndUpdate} by {@code _id} per entry, and the unread counter
     * drops by the entries that the pull really removed while unread (so a replay, or a concurrent read
     * mark, cannot move it twice).
     *
     * @return the notifications removed (each as it was stored)
     */
    public List<Notification> retract(Collection<String> people, java.util.function.Predicate<Notification> match, long sinceMillis) {
        if (people.isEmpty()) return List.of();
        Map<String, Long> readUpTo = new HashMap<>();
        List<String> ids = bucketIdsSince(people, sinceMillis, readUpTo);
        if (ids.isEmpty()) return List.of();
        Map<String, Integer> unreadRemoved = new LinkedHashMap<>();
        List<Notification> removed = new ArrayList<>();
        for (Document bucket : buckets().find(Filters.in("_id", ids))) {
            String person = bucket.getString("o");
            for (Document e : bucket.getList("e", Document.class, List.of())) {
                if (!match.test(Notification.of(person, e))) continue;
                Document before = buckets().findOneAndUpdate(Filters.eq("_id", bucket.getString("_id")),
                        Updates.pull("e", new Document("id", e.getString("id"))));
                Document gone = before == null ? null : before.getList("e", Document.class, List.of()).stream()
                        .filter(x -> e.getString("id").equals(x.getString("id"))).findFirst().orElse(null);
                if (gone == null) continue;
                Notification n = Notification.of(person, gone);
                removed.add(n);
                boolean shown = gone.get(SET_ASIDE_BY) == null; // one a hide set aside no longer counts as unread
                if (shown && !n.read() && n.time() > readUpTo.getOrDefault(person, Long.MIN_VALUE)) unreadRemoved.merge(person, 1, Integer::sum);
            }
        }
        unreadRemoved.forEach((person, n) -> states().updateOne(Filters.eq("_id", person), Updates.inc("unread", -n)));
        return removed;
    }

    /**
     * Sets aside the notifications about something moderation hid (issue 15): among these people's buckets from
     * {@code sinceMillis}'s day on, every shown entry that {@code match}es is marked as set aside by {@code item}
     * (one update by {@code _id} per entry, an array filter picking it only while it is shown). A set-aside entry is
     * listed nowhere and counts as read; it stays in its bucket so that a restore can show it again
     * ({@link #showAgain}) and a replayed Create finds it there and notifies nobody twice. A replayed hide changes
     * nothing.
     *
     * @return the notifications set aside
     */
    public List<Notification> setAside(Collection<String> people, java.util.function.Predicate<Notification> match, long sinceMillis, String item) {
        Map<String, Integer> unreadRemoved = new LinkedHashMap<>();
        List<Notification> changed = new ArrayList<>();
        for (Held held : entries(people, sinceMillis)) {
            if (held.entry().get(SET_ASIDE_BY) != null || !match.test(held.notification())) continue;
            long modified = buckets().updateOne(Filters.eq("_id", held.bucket()), Updates.set("e.$[n]." + SET_ASIDE_BY, item),
                    new UpdateOptions().arrayFilters(List.of(new Document("n.id", held.notification().id())
                            .append("n." + SET_ASIDE_BY, new Document("$exists", false))))).getModifiedCount();
            if (modified == 0) continue;
            changed.add(held.notification());
            if (held.unread()) unreadRemoved.merge(held.notification().recipient(), 1, Integer::sum);
        }
        unreadRemoved.forEach((person, n) -> states().updateOne(Filters.eq("_id", person), Updates.inc("unread", -n)));
        return changed;
    }

    /**
     * The notifications {@code item}'s hide set aside in these people's buckets from {@code sinceMillis}'s day on:
     * what a restore may show again (after checking who may still see it).
     */
    public List<Notification> setAsideBy(Collection<String> people, String item, long sinceMillis) {
        List<Notification> out = new ArrayList<>();
        for (Held held : entries(people, sinceMillis)) {
            if (item.equals(held.entry().getString(SET_ASIDE_BY))) out.add(held.notification());
        }
        return out;
    }

    /**
     * Shows again notifications that {@code item}'s hide set aside (a restore): each is listed again, and counted
     * unread if it was unread; an entry already shown is left alone, so a replayed restore counts nothing twice.
     *
     * @return the notifications this call showed again (the recipients' lists and unread counts changed)
     */
    public List<Notification> showAgain(List<Notification> notifications, String item) {
        if (notifications.isEmpty()) return List.of();
        Set<String> people = new LinkedHashSet<>();
        notifications.forEach(n -> people.add(n.recipient()));
        Map<String, Long> readUpTo = new HashMap<>();
        for (Document state : states().find(Filters.in("_id", people))) readUpTo.put(state.getString("_id"), readUpTo(state));
        Map<String, Integer> unreadAdded = new LinkedHashMap<>();
        List<Notification> changed = new ArrayList<>();
        for (Notification n : notifications) {
            long modified = buckets().updateOne(Filters.eq("_id", bucketId(n.recipient(), n.day())), Updates.unset("e.$[n]." + SET_ASIDE_BY),
                    new UpdateOptions().arrayFilters(List.of(new Document("n.id", n.id()).append("n." + SET_ASIDE_BY, item))))
                    .getModifiedCount();
            if (modified == 0) continue;
            boolean unread = !n.read() && n.time() > readUpTo.getOrDefault(n.recipient(), Long.MIN_VALUE);
            changed.add(unread || n.read() ? n : withRead(n)); // as the list shows it
            if (unread) unreadAdded.merge(n.recipient(), 1, Integer::sum);
        }
        unreadAdded.forEach((person, k) -> states().updateOne(Filters.eq("_id", person), Updates.inc("unread", k)));
        return changed;
    }

    /**
     * The reaction notifications held in these people's buckets from {@code sinceMillis}'s day on (shown, set aside by
     * a hide, or taken back by an Undo): one read of their states, one of the buckets.
     */
    public List<HeldReaction> reactions(Collection<String> people, long sinceMillis) {
        List<HeldReaction> out = new ArrayList<>();
        for (Held held : entries(people, sinceMillis)) {
            if (!NotificationPlanner.REACTION.equals(held.notification().kind())) continue;
            Document e = held.entry();
            String id = held.notification().id();
            String like = e.getString(LIKE) != null ? e.getString(LIKE) : id.substring(id.indexOf('.') + 1);
            Number likedAt = e.get(LIKED_AT, Number.class);
            out.add(new HeldReaction(held.bucket(), held.notification(), like,
                    likedAt != null ? likedAt.longValue() : held.notification().time(), e.getString(SET_ASIDE_BY), held.unread()));
        }
        return out;
    }

    /**
     * Takes back a reaction notification whose Like was undone: it is set aside as {@link #UNDONE} (listed nowhere,
     * not counted unread, kept so that the same person's next Like of the same thing shows it again instead of
     * notifying twice), and the unread counter drops if it was shown and unread. Only while the Like the caller
     * read as in force still is, and the entry is not taken back already (array filters), so a replayed or stale Undo
     * changes nothing.
     *
     * @return whether this call took it back
     */
    public boolean takeBack(HeldReaction held) {
        Document match = new Document("n.id", held.notification().id()).append("n." + SET_ASIDE_BY, new Document("$ne", UNDONE));
        if (held.inForceWasDerived()) match.append("n." + LIKE, new Document("$exists", false));
        else match.append("n." + LIKE, held.like());
        long modified = buckets().updateOne(Filters.eq("_id", held.bucket()), Updates.set("e.$[n]." + SET_ASIDE_BY, UNDONE),
                new UpdateOptions().arrayFilters(List.of(match))).getModifiedCount();
        if (modified == 0) return false;
        if (held.setAsideBy() == null && held.unread()) {
            states().updateOne(Filters.eq("_id", held.notification().recipient()), Updates.inc("unread", -1));
        }
        return true;
    }

    /**
     * The same person reacted again to the same thing while its notification is still held (not taken back by an Undo:
     * the kind changed without one, or a hide set it aside): it takes the newer Like ({@code like}, published at
     * {@code likedAt} epoch millis, of kind {@code detail}) in place; listed and counted as it was. Call it only for a
     * Like newer than the one in force ({@link ReactionTakeBacks} checks), so a replayed Like applies once.
     */
    public void reactedAgain(HeldReaction held, String like, long likedAt, String detail) {
        // the array filter names the entry only: this store applies a filter again to every path it changes, so a
        // condition on the Like in force would stop matching once the first path is set. The read is enough: the
        // Likes and Undos of one reacted item share its key, so one consumer thread applies them in order
        Document match = new Document("n.id", held.notification().id());
        List<org.bson.conversions.Bson> changes = new ArrayList<>(List.of(Updates.set("e.$[n]." + LIKE, like),
                Updates.set("e.$[n]." + LIKED_AT, likedAt)));
        if (detail != null) changes.add(Updates.set("e.$[n].x", detail));
        buckets().updateOne(Filters.eq("_id", held.bucket()), Updates.combine(changes),
                new UpdateOptions().arrayFilters(List.of(match)));
    }

    /**
     * Drops reaction notifications an Undo took back that a newer Like's notification replaced (call it once that one
     * is stored): one pull by {@code _id} per entry, only while it is still taken back. Listed nowhere and not counted,
     * they leave no count to change; a replay finds the newer one in force.
     */
    public void drop(List<HeldReaction> replaced) {
        for (HeldReaction held : replaced) {
            buckets().updateOne(Filters.eq("_id", held.bucket()), Updates.pull("e",
                    new Document("id", held.notification().id()).append(SET_ASIDE_BY, UNDONE)));
        }
    }

    /**
     * A reaction notification as held in its bucket.
     *
     * @param like       the local id of the Like in force (the one its id derives from, or the newest that replaced it)
     * @param likedAt    when that Like was published, epoch millis
     * @param setAsideBy {@link #UNDONE}, the IRI of the hidden item that set it aside, or null when shown
     * @param unread     whether it counts as unread when shown (not read, newer than the read-all mark)
     */
    public record HeldReaction(String bucket, Notification notification, String like, long likedAt, String setAsideBy,
                               boolean unread) {

        /** Whether the Like in force is still the one the id derives from (no {@code l} field stored yet). */
        boolean inForceWasDerived() {
            String id = notification.id();
            return like.equals(id.substring(id.indexOf('.') + 1)) && likedAt == notification.time();
        }
    }

    /** An entry of someone's bucket, with whether it counts as unread for them. */
    private record Held(String bucket, Document entry, Notification notification, boolean unread) {
    }

    /** The entries of these people's buckets from {@code sinceMillis}'s day on: one read of their states, one of the buckets. */
    private List<Held> entries(Collection<String> people, long sinceMillis) {
        if (people.isEmpty()) return List.of();
        Map<String, Long> readUpTo = new HashMap<>();
        List<String> ids = bucketIdsSince(people, sinceMillis, readUpTo);
        if (ids.isEmpty()) return List.of();
        List<Held> out = new ArrayList<>();
        for (Document bucket : buckets().find(Filters.in("_id", ids))) {
            String person = bucket.getString("o");
            for (Document e : bucket.getList("e", Document.class, List.of())) {
                Notification n = Notification.of(person, e);
                out.add(new Held(bucket.getString("_id"), e, n, !n.read() && n.time() > readUpTo.getOrDefault(person, Long.MIN_VALUE)));
            }
        }
        return out;
    }

    /**
     * Forgets an erased person (issue 15): their own notifications, counters and mutes go, and every notification of
     * others whose actor they were is retracted (unread counters follow, as in {@link #retract}). The search for those
     * is a scan of the buckets, acceptable for a rare erasure. Repeatable.
     *
     * @return the notifications of others retracted (to announce as taken back)
     */
    public List<Notification> forget(String personIri) {
        states().deleteOne(Filters.eq("_id", personIri));
        buckets().deleteMany(Filters.eq("o", personIri));
        Set<String> owners = new LinkedHashSet<>();
        for (Document b : buckets().find(Filters.eq("e.a", personIri)).projection(new Document("o", 1))) owners.add(b.getString("o"));
        return retract(owners, n -> personIri.equals(n.actor()), 0);
    }

    /** Mutes of several people, from one keyed read. */
    public Map<String, Set<String>> mutesOf(Collection<String> people) {
        Map<String, Set<String>> out = new HashMap<>();
        if (people.isEmpty()) return out;
        for (Document state : states().find(Filters.in("_id", people)).projection(new Document("mutes", 1))) {
            out.put(state.getString("_id"), new LinkedHashSet<>(state.getList("mutes", String.class, List.of())));
        }
        return out;
    }

    public record Page(List<Notification> items, String next) {
    }

    /** Newest first, by (time, id) cursor; read = marked one by one or older than the read-all mark. */
    public Page list(String person, Cursor after, int limit) {
        Document state = state(person);
        if (state == null) return new Page(List.of(), null);
        long readUpTo = readUpTo(state);
        List<Long> days = new ArrayList<>();
        for (Object d : state.getList("days", Object.class, List.of())) days.add(((Number) d).longValue());
        days.sort(Comparator.reverseOrder());
        if (after != null) {
            long startDay = Math.floorDiv(after.time(), Notification.DAY_MILLIS);
            days.removeIf(d -> d > startDay);
        }
        List<Notification> out = new ArrayList<>();
        int i = 0;
        while (i < days.size() && out.size() <= limit) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < 7 && i < days.size(); k++, i++) ids.add(bucketId(person, days.get(i)));
            List<Notification> step = new ArrayList<>();
            for (Document b : buckets().find(Filters.in("_id", ids))) {
                for (Document e : b.getList("e", Document.class, List.of())) {
                    if (e.get(SET_ASIDE_BY) != null) continue;
                    Notification n = Notification.of(person, e);
                    if (after == null || n.time() < after.time() || (n.time() == after.time() && n.id().compareTo(after.post()) < 0)) {
                        step.add(n.read() || n.time() > readUpTo ? n : withRead(n));
                    }
                }
            }
            step.sort(Comparator.comparingLong(Notification::time).thenComparing(Notification::id).reversed());
            out.addAll(step);
        }
        if (out.size() > limit) {
            Notification last = out.get(limit - 1);
            return new Page(out.subList(0, limit), new Cursor(last.time(), last.id()).encode());
        }
        return new Page(out, null);
    }

    public long unread(String person) {
        Document state = state(person);
        Number n = state == null ? null : state.get("unread", Number.class);
        return n == null ? 0 : Math.max(0, n.longValue());
    }

    public Optional<Notification> find(String person, String id) {
        long day = Notification.dayOf(id);
        if (day < 0) return Optional.empty();
        Document b = buckets().find(Filters.eq("_id", bucketId(person, day))).first();
        if (b == null) return Optional.empty();
        return b.getList("e", Document.class, List.of()).stream()
                .filter(e -> id.equals(e.getString("id")) && e.get(SET_ASIDE_BY) == null)
                .findFirst().map(e -> Notification.of(person, e));
    }

    /**
     * One of my notifications as {@link #list} shows it (read when marked or older than the read-all mark); empty when
     * it is not in my list (no such id, or set aside by a hide or an Undo).
     */
    public Optional<Notification> listed(String person, String id) {
        return find(person, id).map(n -> n.read() || n.time() > readUpTo(state(person)) ? n : withRead(n));
    }

    /** Marks one read; the unread counter drops only if this call changed it (idempotent). */
    public boolean markRead(String person, String id) {
        Optional<Notification> n = find(person, id);
        if (n.isEmpty()) return false;
        if (n.get().read()) return true;
        // filters by _id alone (anything more is a collection scan here); arrayFilters pick the entry
        buckets().updateOne(Filters.eq("_id", bucketId(person, n.get().day())), Updates.set("e.$[n].r", true),
                new UpdateOptions().arrayFilters(List.of(Filters.eq("n.id", id))));
        Document state = state(person);
        if (n.get().time() > readUpTo(state) && state != null && state.get("unread", Number.class) != null
                && state.get("unread", Number.class).longValue() > 0) {
            states().updateOne(Filters.eq("_id", person), Updates.inc("unread", -1));
        }
        return true;
    }

    /** Everything up to now is read: one write, whatever the number of notifications. */
    public void markAllRead(String person, long now) {
        states().updateOne(Filters.eq("_id", person),
                Updates.combine(Updates.set("unread", 0), Updates.max("readUpTo", now)), new UpdateOptions().upsert(true));
    }

    public Set<String> mutesOf(String person) {
        Document state = states().find(Filters.eq("_id", person)).projection(new Document("mutes", 1)).first();
        return state == null ? Set.of() : new LinkedHashSet<>(state.getList("mutes", String.class, List.of()));
    }

    public boolean mute(String person, String iri) {
        if (mutesOf(person).size() >= config.maxMutes()) return false;
        states().updateOne(Filters.eq("_id", person), Updates.addToSet("mutes", iri), new UpdateOptions().upsert(true));
        return true;
    }

    public void unmute(String person, String iri) {
        states().updateOne(Filters.eq("_id", person), Updates.pull("mutes", iri));
    }

    /** When this person dismissed the welcome panel, if they did (kept with their notification settings). */
    public Optional<Instant> onboardingDismissed(String person) {
        Document state = states().find(Filters.eq("_id", person)).projection(new Document("onboardingDismissed", 1)).first();
        Object at = state == null ? null : state.get("onboardingDismissed");
        return at instanceof Number n ? Optional.of(Instant.ofEpochMilli(n.longValue())) : Optional.empty();
    }

    /** Records that the welcome panel was dismissed ({@code at}), or shows it again ({@code null}). */
    public void setOnboardingDismissed(String person, Instant at) {
        states().updateOne(Filters.eq("_id", person), at == null ? Updates.unset("onboardingDismissed")
                : Updates.set("onboardingDismissed", at.toEpochMilli()), new UpdateOptions().upsert(true));
    }

    @Scheduled(cron = "{feed.notifications.retention-cron:0 45 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropExpired() {
        long cutoff = Math.floorDiv(System.currentTimeMillis(), Notification.DAY_MILLIS) - config.retentionDays();
        states().updateMany(new Document(), Updates.pull("days", new Document("$lt", cutoff)));
        buckets().deleteMany(Filters.lt("d", cutoff));
    }

    private static Notification withRead(Notification n) {
        return new Notification(n.id(), n.recipient(), n.kind(), n.actor(), n.object(), n.post(), n.community(),
                n.detail(), n.time(), true);
    }

    /**
     * The ids of these people's notification buckets from {@code sinceMillis}'s day on (one read of their states);
     * fills {@code readUpTo} with each one's read-up-to time (millis), which decides what counts as unread.
     */
    private List<String> bucketIdsSince(Collection<String> people, long sinceMillis, Map<String, Long> readUpTo) {
        long since = Math.floorDiv(sinceMillis, Notification.DAY_MILLIS);
        List<String> ids = new ArrayList<>();
        for (Document state : states().find(Filters.in("_id", new LinkedHashSet<>(people)))) {
            String person = state.getString("_id");
            readUpTo.put(person, readUpTo(state));
            for (Object d : state.getList("days", Object.class, List.of())) {
                if (((Number) d).longValue() >= since) ids.add(bucketId(person, ((Number) d).longValue()));
            }
        }
        return ids;
    }

    private static long readUpTo(Document state) {
        Number n = state == null ? null : state.get("readUpTo", Number.class);
        return n == null ? Long.MIN_VALUE : n.longValue();
    }

    private Document state(String person) {
        return states().find(Filters.eq("_id", person)).first();
    }

    private static String bucketId(String person, long day) {
        return CappedBuckets.bucketId(person, day);
    }

    private MongoCollection<Document> states() {
        return mongo.getDatabase(database).getCollection("notification_state");
    }

    private MongoCollection<Document> threads() {
        return mongo.getDatabase(database).getCollection("notification_threads");
    }

    private MongoCollection<Document> buckets() {
        return mongo.getDatabase(database).getCollection("notification_buckets");
    }
}
