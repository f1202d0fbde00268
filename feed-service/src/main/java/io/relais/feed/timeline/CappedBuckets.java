package io.relais.feed.timeline;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Day buckets of capped arrays ({@code _id = "owner|day"}, {@code e} newest first by {@code t}), written
 * idempotently in bulk: timelines and notifications both keep theirs this way.
 *
 * <p>Every filter is the bare {@code _id}. The embedded store answers a filter from its key only when the
 * filter names nothing else; the classic "push unless already there" ({@code {_id, "e.p": {$ne: …}}}) would
 * scan the whole collection on every update. So one {@code _id $in} read tells which entries the buckets
 * already hold, and only the others are pushed.
 */
public final class CappedBuckets {

    private final MongoCollection<Document> buckets;
    private final String key;
    private final int capacity;

    /** @param key the entry field that identifies an entry within a bucket ({@code p} for a post, {@code id}…) */
    public CappedBuckets(MongoCollection<Document> buckets, String key, int capacity) {
        this.buckets = buckets;
        this.key = key;
        this.capacity = capacity;
    }

    public static String bucketId(String owner, long day) {
        return owner + "|" + day;
    }

    /**
     * Pushes into each bucket the entries it does not hold yet (one read, one unordered bulk write; entries
     * repeated within the call count once). Returns the entries pushed, by bucket id.
     */
    public Map<String, List<Document>> pushMissing(Map<String, List<Document>> entriesByBucket) {
        return pushMissing(entriesByBucket, Set.of(), created -> { });
    }

    /**
     * Same, telling {@code beforeCreating} which buckets may not exist yet before they are written (a timeline
     * records a new day in its head then, so a crash between the two writes leaves a head naming a day whose
     * bucket a replay writes, never a bucket no head names). The read fetches only the entries' keys
     * ({@code e.<key>}), not whole buckets. The {@code unread} buckets are not read at all: the caller knows none of
     * their entries is there yet (they are deduplicated within the call only), and {@code beforeCreating} is told of
     * each of them, since whether it exists is not known here.
     */
    public Map<String, List<Document>> pushMissing(Map<String, List<Document>> entriesByBucket, Set<String> unread,
                                                   Consumer<Set<String>> beforeCreating) {
        Map<String, List<Document>> pushed = new LinkedHashMap<>();
        if (entriesByBucket.isEmpty()) return pushed;
        Map<String, Set<Object>> present = new java.util.HashMap<>();
        List<String> toRead = new ArrayList<>(entriesByBucket.size());
        for (String id : entriesByBucket.keySet()) {
            if (!unread.contains(id)) toRead.add(id);
        }
        if (!toRead.isEmpty()) {
            for (Document bucket : buckets.find(Filters.in("_id", toRead)).projection(Projections.include("e." + key))) {
                Set<Object> keys = new HashSet<>();
                bucket.getList("e", Document.class, List.of()).forEach(e -> keys.add(e.get(key)));
                present.put(bucket.getString("_id"), keys);
            }
        }
        List<WriteModel<Document>> pushes = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        entriesByBucket.forEach((id, entries) -> {
            Set<Object> seen = new HashSet<>(present.getOrDefault(id, Set.of()));
            List<Document> missing = entries.stream().filter(e -> seen.add(e.get(key))).toList();
            if (missing.isEmpty()) return;
            pushed.put(id, missing);
            pushes.add(push(id, missing));
            if (!present.containsKey(id)) created.add(id);
        });
        if (!created.isEmpty()) beforeCreating.accept(created);
        bulkRetryingDuplicates(buckets, pushes);
        return pushed;
    }

    private UpdateOneModel<Document> push(String bucketId, List<Document> entries) {
        int bar = bucketId.lastIndexOf('|');
        PushOptions newestKept = new PushOptions().sortDocument(new Document("t", -1)).slice(capacity);
        return new UpdateOneModel<>(Filters.eq("_id", bucketId),
                Updates.combine(Updates.pushEach("e", entries, newestKept), Updates.setOnInsert("o", bucketId.substring(0, bar)),
                        Updates.setOnInsert("d", Long.parseLong(bucketId.substring(bar + 1)))),
                new UpdateOptions().upsert(true));
    }

    /**
     * Upserts by {@code _id} collide only when another writer created the same document a moment ago (a real
     * MongoDB may then report a duplicate key); the retry finds the document and updates it.
     */
    static void bulkRetryingDuplicates(MongoCollection<Document> collection, List<WriteModel<Document>> models) {
        List<WriteModel<Document>> retry = new ArrayList<>();
        for (int i : collidingWrites(collection, models)) retry.add(models.get(i));
        collidingWrites(collection, retry);
    }

    /** Runs the writes unordered; returns the indexes of those that collided on a key (other errors throw). */
    private static List<Integer> collidingWrites(MongoCollection<Document> collection, List<WriteModel<Document>> models) {
        if (models.isEmpty()) return List.of();
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Integer> collided = new ArrayList<>();
            for (var w : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                collided.add(w.getIndex());
            }
            return collided;
        }
    }
}
