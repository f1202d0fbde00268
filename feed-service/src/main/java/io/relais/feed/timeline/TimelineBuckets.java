package io.relais.feed.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Timelines as day buckets: one document per (owner, UTC day) with a small array of entries, and one
 * head document per owner listing its non-empty days. Every read is by {@code _id} or {@code _id $in}
 * (the only fast path of the store); writes are keyed upserts, idempotent by post IRI.
 *
 * <pre>
 * heads:   {_id: owner, days: [20410, 20409, ...]}
 * buckets: {_id: "owner|20410", o: owner, d: 20410, e: [{p: postIri, t: millis, a: author, r: [reasons], v: [audience]}]}
 * </pre>
 */
final class TimelineBuckets {

    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> heads;
    private final CappedBuckets capped;
    private final TimelineCache cache;

    TimelineBuckets(MongoCollection<Document> buckets, MongoCollection<Document> heads, int capacity) {
        this(buckets, heads, capacity, TimelineCache.NONE);
    }

    /** @param cache answers the reads ({@link #days}, {@link #entries}) it holds; writes always go to the store */
    TimelineBuckets(MongoCollection<Document> buckets, MongoCollection<Document> heads, int capacity, TimelineCache cache) {
        this.buckets = buckets;
        this.heads = heads;
        this.capped = new CappedBuckets(buckets, "p", capacity);
        this.cache = cache;
    }

    /** The owner part of a bucket id ({@code "owner|day"}). */
    static String ownerOf(String bucketId) {
        return bucketId.substring(0, bucketId.lastIndexOf('|'));
    }

    /** Indexes a real MongoDB needs for the retention job (this store only uses {@code _id}). */
    void declareIndexes() {
        buckets.createIndex(Indexes.ascending("d"), new IndexOptions().name("by_day"));
        buckets.createIndex(Indexes.ascending("o", "d"), new IndexOptions().name("by_owner_day"));
    }

    static long day(long millis) {
        return Math.floorDiv(millis, DAY_MILLIS);
    }

    static String bucketId(String owner, long day) {
        return CappedBuckets.bucketId(owner, day);
    }

    /**
     * Adds entries to each owner's timeline: one {@code _id $in} read of the buckets' post keys, then one
     * unordered bulk write of one update per (owner, day) bucket, so a batch of fan-outs rewrites each bucket
     * document once, however many of the batch's posts land in it (the organisation's bucket takes them all).
     * A bucket receiving only posts of {@code firstFanOuts} (whose fan-out never began, so no bucket holds them) is
     * not read: its entries are pushed as they are.
     * Heads are written only for buckets that do not exist yet, before them: {@code $addToSet} of the day is
     * idempotent, and a head naming a day whose bucket a crash left unwritten only costs a reader an empty bucket
     * until the replay writes it. Whether an unread bucket is new is told by its owner's head (one read of the heads,
     * small documents, instead of the buckets).
     * Idempotent by post IRI, with filters on {@code _id} alone ({@link CappedBuckets}).
     */
    int addAll(Map<String, List<TimelineEntry>> entriesByOwner, Set<String> firstFanOuts) {
        if (entriesByOwner.isEmpty()) return 0;
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        Set<String> unread = new LinkedHashSet<>();
        Set<String> read = new HashSet<>();
        entriesByOwner.forEach((owner, entries) -> {
            for (TimelineEntry entry : entries) {
                String id = bucketId(owner, day(entry.time()));
                byBucket.computeIfAbsent(id, b -> new ArrayList<>()).add(entry.toDocument());
                if (firstFanOuts.contains(entry.post())) unread.add(id);
                else read.add(id);
            }
        });
        unread.removeAll(read);
        return capped.pushMissing(byBucket, unread, maybeNew -> recordNewDays(maybeNew, unread)).values().stream()
                .mapToInt(List::size).sum();
    }

    /**
     * Adds the days of these new buckets to their owners' heads (one unordered bulk write); of the {@code unread}
     * ones, only those whose owner's head does not name the day yet.
     */
    private void recordNewDays(Set<String> newBuckets, Set<String> unread) {
        Set<String> toRecord = new LinkedHashSet<>(newBuckets);
        Set<String> unsure = new LinkedHashSet<>();
        for (String id : newBuckets) {
            if (unread.contains(id)) unsure.add(ownerOf(id));
        }
        if (!unsure.isEmpty()) {
            daysInStore(unsure).forEach((owner, days) -> days.forEach(day -> toRecord.remove(bucketId(owner, day))));
        }
        if (toRecord.isEmpty()) return;
        Map<String, Set<Long>> daysByOwner = new LinkedHashMap<>();
        for (String id : toRecord) {
            daysByOwner.computeIfAbsent(ownerOf(id), o -> new LinkedHashSet<>()).add(Long.parseLong(id.substring(id.lastIndexOf('|') + 1)));
        }
        List<WriteModel<Document>> heads = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        daysByOwner.forEach((owner, days) ->
                heads.add(new UpdateOneModel<>(Filters.eq("_id", owner), Updates.addEachToSet("days", List.copyOf(days)), upsert)));
        CappedBuckets.bulkRetryingDuplicates(this.heads, heads);
    }

    void remove(Collection<String> owners, String post, long time) {
        if (owners.isEmpty()) return;
        long day = day(time);
        List<WriteModel<Document>> pulls = new ArrayList<>(owners.size());
        for (String owner : owners) {
            pulls.add(new UpdateOneModel<>(Filters.eq("_id", bucketId(owner, day)), Updates.pull("e", new Document("p", post))));
        }
        buckets.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
    }

    /**
     * Changes why a post is in some owners' timelines (an edit added or removed a mention or a hashtag):
     * one {@code _id $in} read of the post's day buckets, then per bucket holding it either the entry's
     * reasons set through an array filter on the post, or the entry pulled when no reason is left.
     *
     * @return the owners whose bucket holds the post (the others may need it pushed)
     */
    Set<String> changeReason(Collection<String> owners, String post, long time, String reason, boolean add) {
        Set<String> holding = new java.util.HashSet<>();
        if (owners.isEmpty()) return holding;
        long day = day(time);
        List<String> ids = owners.stream().map(o -> bucketId(o, day)).toList();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document bucket : buckets.find(Filters.in("_id", ids))) {
            for (Document e : bucket.getList("e", Document.class, List.of())) {
                if (!post.equals(e.getString("p"))) continue;
                holding.add(bucket.getString("o"));
                java.util.LinkedHashSet<String> reasons = new java.util.LinkedHashSet<>(e.getList("r", String.class, List.of()));
                if (!(add ? reasons.add(reason) : reasons.remove(reason))) continue;
                if (reasons.isEmpty()) {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", bucket.getString("_id")), Updates.pull("e", new Document("p", post))));
                } else {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", bucket.getString("_id")),
                            Updates.set("e.$[x].r", new ArrayList<>(reasons)),
                            new UpdateOptions().arrayFilters(List.of(Filters.eq("x.p", post)))));
                }
            }
        }
        if (!writes.isEmpty()) buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        return holding;
    }

    /** Non-empty days of each owner, newest first (owners without a timeline are absent); through the cache. */
    Map<String, List<Long>> days(Collection<String> owners) {
        if (owners.isEmpty()) return new HashMap<>();
        return cache.days(owners, this::daysInStore);
    }

    private Map<String, List<Long>> daysInStore(Collection<String> owners) {
        Map<String, List<Long>> out = new HashMap<>();
        if (owners.isEmpty()) return out;
        for (Document head : heads.find(Filters.in("_id", owners))) {
            List<Long> days = new ArrayList<>();
            for (Object d : head.getList("days", Object.class, List.of())) {
                days.add(((Number) d).longValue());
            }
            days.sort(Comparator.reverseOrder());
            out.put(head.getString("_id"), days);
        }
        return out;
    }

    /** The ids of the given (owner, day) buckets, owner by owner. */
    private static List<String> bucketIds(Map<String, List<Long>> daysByOwner) {
        List<String> ids = new ArrayList<>();
        daysByOwner.forEach((owner, days) -> days.forEach(d -> ids.add(bucketId(owner, d))));
        return ids;
    }

    /** Entries of the given (owner, day) buckets, by one {@code _id $in} read. */
    List<TimelineEntry> entries(Map<String, List<Long>> daysByOwner) {
        return entries(daysByOwner, (owner, entry) -> entry);
    }

    /** Same, letting the caller adjust each entry knowing whose timeline it came from; through the cache. */
    List<TimelineEntry> entries(Map<String, List<Long>> daysByOwner,
                                java.util.function.BiFunction<String, TimelineEntry, TimelineEntry> adjust) {
        List<String> ids = bucketIds(daysByOwner);
        List<TimelineEntry> out = new ArrayList<>();
        if (ids.isEmpty()) return out;
        cache.buckets(ids, this::bucketsInStore).forEach((id, entries) -> {
            String owner = ownerOf(id);
            for (TimelineEntry e : entries) out.add(adjust.apply(owner, e));
        });
        return out;
    }

    /**
     * What a first page needs of some (owner, day) buckets: at most {@code perBucket + 1} of each bucket's newest
     * entries, read from the store by one {@code _id $in} with a {@code $slice} projection, so a full bucket (up to
     * {@code feed.fanout.bucket-capacity}, 300 entries, about 46 KiB) is neither encoded by the store nor decoded here
     * for a page of 20. Bypasses {@link TimelineCache#buckets}: only for timelines whose cache holds no buckets (the
     * home timelines, {@link HomeDays}), so no cache ever keeps a cut bucket.
     *
     * @param perBucket entries wanted from each bucket (≥ 1)
     * @return the entries read, and the time at or before which they may be incomplete: a bucket that held more than
     *         {@code perBucket} entries lacks some of those at or before its oldest entry read ({@code e} is kept newest
     *         first by {@code t}, {@link CappedBuckets}); {@code null} when every bucket was read whole
     */
    Newest newest(Map<String, List<Long>> daysByOwner, int perBucket) {
        List<String> ids = bucketIds(daysByOwner);
        List<TimelineEntry> out = new ArrayList<>();
        Long partialUpTo = null;
        if (ids.isEmpty()) return new Newest(out, null);
        for (Document bucket : buckets.find(Filters.in("_id", ids)).projection(Projections.slice("e", perBucket + 1))) {
            List<Document> entries = bucket.getList("e", Document.class, List.of());
            for (Document e : entries) out.add(TimelineEntry.of(e));
            if (entries.size() > perBucket) {
                long oldestRead = entries.get(entries.size() - 1).getLong("t");
                partialUpTo = partialUpTo == null ? oldestRead : Math.max(partialUpTo, oldestRead);
            }
        }
        return new Newest(out, partialUpTo);
    }

    /**
     * The newest entries of some buckets ({@link #newest}).
     *
     * @param partialUpTo epoch millis: entries at or before it may be missing; {@code null} = nothing is missing
     */
    record Newest(List<TimelineEntry> entries, Long partialUpTo) {
    }

    private Map<String, List<TimelineEntry>> bucketsInStore(Collection<String> ids) {
        Map<String, List<TimelineEntry>> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        for (Document bucket : buckets.find(Filters.in("_id", ids))) {
            List<TimelineEntry> entries = new ArrayList<>();
            for (Document e : bucket.getList("e", Document.class, List.of())) entries.add(TimelineEntry.of(e));
            out.put(bucket.getString("_id"), entries);
        }
        return out;
    }

    /** All entries of one owner's bucket for a day (tests and diagnostics). */
    List<TimelineEntry> bucket(String owner, long day) {
        Map<String, List<Long>> one = new LinkedHashMap<>();
        one.put(owner, List.of(day));
        return entries(one);
    }

    /** Drops every bucket and the head of one owner (an erased person); answers how many buckets went. */
    long forget(String owner) {
        heads.deleteOne(Filters.eq("_id", owner));
        return buckets.deleteMany(Filters.eq("o", owner)).getDeletedCount();
    }

    /** Drops buckets older than the cutoff day and forgets them in the heads (a nightly scan is fine). */
    long dropBefore(long cutoffDay) {
        heads.updateMany(new Document(), Updates.pull("days", new Document("$lt", cutoffDay)));
        return buckets.deleteMany(Filters.lt("d", cutoffDay)).getDeletedCount();
    }
}
