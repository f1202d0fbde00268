package io.relais.feed.community;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A large set of person IRIs owned by one IRI (the members of a community, the followers of a
 * person, the reactors to a post), kept in fixed-size buckets so that every read and write is a lookup
 * by {@code _id}: a head document {@code _id = owner} with the count and the number of appends, and
 * bucket documents {@code _id = owner#n} holding at most {@code capacity} IRIs.
 * Callers add a person only when they know it is new (the per-person document says so), so counts
 * stay exact under replays.
 */
public final class Roster {

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> buckets;
    private final int capacity;

    public Roster(MongoDatabase db, String name, int capacity) {
        this.heads = db.getCollection(name + "_heads");
        this.buckets = db.getCollection(name + "_buckets");
        this.capacity = capacity;
    }

    public void add(String owner, String person) {
        Document head = heads.findOneAndUpdate(eq("_id", owner),
                Updates.combine(Updates.inc("appended", 1), Updates.inc("count", 1)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long bucket = (number(head, "appended") - 1) / capacity;
        buckets.updateOne(eq("_id", owner + "#" + bucket), Updates.addToSet("m", person), new UpdateOptions().upsert(true));
    }

    /**
     * Adds the person unless a bucket of the owner lists them already: the repair of an add cut by a crash (the
     * per-person document changed, the roster not yet), where the caller cannot know whether the add happened.
     * Reads the owner's buckets; not for the hot path.
     *
     * @return true when the person was added
     */
    public boolean ensure(String owner, String person) {
        Document head = heads.find(eq("_id", owner)).first();
        if (head != null && buckets.countDocuments(com.mongodb.client.model.Filters.and(in("_id", bucketIds(owner, head)),
                eq("m", person))) > 0) {
            return false;
        }
        add(owner, person);
        return true;
    }

    /**
     * Adds several people known to be new, in two writes whatever their number: one {@code $inc} reserves
     * a range of positions on the head, then one unordered bulk write fills the buckets that range covers.
     * Answers the new count.
     */
    public long addAll(String owner, List<String> persons) {
        if (persons.isEmpty()) return count(owner);
        int n = persons.size();
        Document head = heads.findOneAndUpdate(eq("_id", owner),
                Updates.combine(Updates.inc("appended", n), Updates.inc("count", n)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long first = number(head, "appended") - n; // positions first .. first + n - 1 are ours
        Map<Long, List<String>> byBucket = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byBucket.computeIfAbsent((first + i) / capacity, b -> new ArrayList<>()).add(persons.get(i));
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byBucket.forEach((bucket, people) -> writes.add(new UpdateOneModel<>(eq("_id", owner + "#" + bucket),
                Updates.addEachToSet("m", people), new UpdateOptions().upsert(true))));
        try {
            buckets.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // another writer created one of these buckets at the same moment: it exists now, so once more
            List<UpdateOneModel<Document>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) throw e;
                again.add(writes.get(error.getIndex()));
            }
            buckets.bulkWrite(again, new BulkWriteOptions().ordered(false));
        }
        return Math.max(0, number(head, "count"));
    }

    public void remove(String owner, String person) {
        Document head = heads.find(eq("_id", owner)).first();
        if (head == null) return;
        long removed = buckets.updateMany(in("_id", bucketIds(owner, head)), Updates.pull("m", person)).getModifiedCount();
        if (removed > 0) {
            heads.updateOne(eq("_id", owner), Updates.inc("count", -1));
        }
    }

    public List<String> members(String owner) {
        Document head = heads.find(eq("_id", owner)).first();
        if (head == null) return List.of();
        LinkedHashSet<String> all = new LinkedHashSet<>();
        List<Document> docs = buckets.find(in("_id", bucketIds(owner, head))).into(new ArrayList<>());
        docs.sort((a, b) -> Long.compare(bucketNumber(a), bucketNumber(b)));
        for (Document d : docs) all.addAll(d.getList("m", String.class, List.of()));
        return new ArrayList<>(all);
    }

    /** Members of several owners with two keyed reads (their heads, then all their buckets). */
    public Map<String, List<String>> membersOfAll(Collection<String> owners) {
        Map<String, List<String>> out = new HashMap<>();
        if (owners.isEmpty()) return out;
        List<String> ids = new ArrayList<>();
        for (Document head : heads.find(in("_id", owners))) ids.addAll(bucketIds(head.getString("_id"), head));
        Map<String, LinkedHashSet<String>> byOwner = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Document> docs = buckets.find(in("_id", ids)).into(new ArrayList<>());
            docs.sort((a, b) -> Long.compare(bucketNumber(a), bucketNumber(b)));
            for (Document d : docs) {
                String id = d.getString("_id");
                byOwner.computeIfAbsent(id.substring(0, id.lastIndexOf('#')), o -> new LinkedHashSet<>())
                        .addAll(d.getList("m", String.class, List.of()));
            }
        }
        for (String owner : owners) out.put(owner, new ArrayList<>(byOwner.getOrDefault(owner, new LinkedHashSet<>())));
        return out;
    }

    public long count(String owner) {
        Document head = heads.find(eq("_id", owner)).first();
        return head == null ? 0 : Math.max(0, number(head, "count"));
    }

    /** Counts for several owners in one keyed read. */
    public Map<String, Long> counts(Collection<String> owners) {
        Map<String, Long> out = new HashMap<>();
        if (owners.isEmpty()) return out;
        for (Document d : heads.find(in("_id", owners))) out.put(d.getString("_id"), Math.max(0, number(d, "count")));
        return out;
    }

    private List<String> bucketIds(String owner, Document head) {
        long n = (number(head, "appended") + capacity - 1) / capacity;
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < Math.max(1, n); i++) ids.add(owner + "#" + i);
        return ids;
    }

    private static long bucketNumber(Document bucket) {
        String id = bucket.getString("_id");
        return Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
    }

    static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
