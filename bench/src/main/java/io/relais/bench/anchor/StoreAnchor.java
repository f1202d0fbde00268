package io.relais.bench.anchor;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.relais.bench.company.SyntheticCompany;
import io.relais.bench.harness.OpenLoop;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.local.store.LocalStoreBackend;
import io.relais.local.store.StoreServer;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw store, on the backend of the local stack ({@link LocalStoreBackend}, built by the same code as the
 * store process: mongo-java-server with H2 on disk): keyed bucket upserts ({@code $push} with
 * {@code $each}/{@code $slice}, the timeline pattern) in bulk and one by one, and reads by {@code _id} at a
 * fixed rate. These are the ceilings for fan-out delivery and home-feed reads.
 */
public final class StoreAnchor {

    /**
     * @param idReads          reads by {@code _id} on an otherwise idle store (latency from the intended send time)
     * @param idReadsUnderBulk the same reads while {@value #BULK_WRITERS} other connections write bulks of
     *                         {@value #BULK_UNDER_READS} bucket upserts back to back, the fan-out's shape
     * @param bulkUpdatesPerSecondUnderReads what those writers achieved meanwhile, updates/s
     */
    public record Figures(String store, double bulkUpdatesPerSecond, double singleUpdatesPerSecond,
                          double scanningUpdatesPerSecond, OpenLoop.Result idReads, OpenLoop.Result idReadsUnderBulk,
                          double bulkUpdatesPerSecondUnderReads, List<HotBucket> hotBuckets) {
    }

    /** Connections writing while {@link Figures#idReadsUnderBulk} is measured, and the size of each of their bulks. */
    static final int BULK_WRITERS = 2;
    static final int BULK_UNDER_READS = 500;

    /** One hot timeline bucket (every post of the organisation lands in the same day bucket). */
    public record HotBucket(int capacity, double updatesPerSecond, OpenLoop.Result reads, long documentBytes) {
    }

    public static final int BUCKET_CAP = 100;

    private StoreAnchor() {
    }

    public static Figures measure(String uri, SyntheticCompany company, long bulkUpdates, Duration singleDuration,
                                  double readRate, Duration readDuration, Section out) throws Exception {
        StoreServer server = null;
        Path file = null;
        String where;
        if ("embedded".equals(uri)) {
            file = Files.createTempDirectory("relais-bench-store-").resolve("store.mv");
            server = new StoreServer(LocalStoreBackend.open(file));
            InetSocketAddress addr = server.bind();
            uri = "mongodb://127.0.0.1:" + addr.getPort();
            where = "the local stack's store backend (LocalStoreBackend: mongo-java-server 1.47.0, H2 on disk, served by StoreServer as on the stack), inside the bench JVM";
        } else {
            where = "store at " + uri + " (database relais_bench, dropped afterwards)";
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> buckets = client.getDatabase("relais_bench").getCollection("timeline_buckets");
            buckets.drop();
            int owners = company.size();
            SplittableRandom rnd = new SplittableRandom(company.seed());

            AtomicLong done = new AtomicLong();
            Progress p = Progress.start("store bulk upserts", () -> String.format("%,d of %,d", done.get(), bulkUpdates));
            long start = System.nanoTime();
            List<WriteModel<Document>> batch = new ArrayList<>(1000);
            for (long i = 0; i < bulkUpdates; i++) {
                batch.add(new UpdateOneModel<>(Filters.eq("_id", bucketId(company, rnd.nextInt(owners))), push(i, rnd),
                        new UpdateOptions().upsert(true)));
                if (batch.size() == 1000 || i == bulkUpdates - 1) {
                    buckets.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                    done.addAndGet(batch.size());
                    batch.clear();
                }
            }
            double bulkRate = bulkUpdates / ((System.nanoTime() - start) / 1e9);
            p.stop();

            AtomicLong seq = new AtomicLong(bulkUpdates);
            OpenLoop.Result single = OpenLoop.saturate("store single upserts", singleDuration, 2, s -> {
                SplittableRandom r = new SplittableRandom(s);
                buckets.updateOne(Filters.eq("_id", bucketId(company, r.nextInt(owners))), push(seq.incrementAndGet(), r),
                        new UpdateOptions().upsert(true));
            });

            // the trap this backend sets: a filter naming anything besides _id (here "entry not there yet") is
            // not answered from the key but by scanning the whole collection, on every update
            OpenLoop.Result trapped = OpenLoop.saturate("store upserts, _id + one more condition", singleDuration, 2, s -> {
                SplittableRandom r = new SplittableRandom(s);
                long n = seq.incrementAndGet();
                buckets.updateOne(Filters.and(Filters.eq("_id", bucketId(company, r.nextInt(owners))),
                                Filters.ne("entries.id", "urn:relais:post:bench-" + n)), push(n, r), new UpdateOptions().upsert(true));
            });

            List<String> ids = new ArrayList<>();
            for (Document d : buckets.find().projection(new Document("_id", 1))) ids.add(d.getString("_id"));
            OpenLoop.warmUp("store", readDuration, s -> buckets.find(Filters.eq("_id", ids.get((int) (s % ids.size())))).first());
            OpenLoop.Result reads = OpenLoop.run("store _id reads", readRate, readDuration, 4, s -> {
                Document d = buckets.find(Filters.eq("_id", ids.get((int) (s * 7919 % ids.size())))).first();
                if (d == null) throw new IllegalStateException("bucket vanished");
            });

            // the same reads while other connections write bulks of the fan-out's shape: how long a keyed read
            // waits for writes in the store itself, the floor under a home read during ingest
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong bulkWritten = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < BULK_WRITERS; w++) {
                long writerSeed = company.seed() + w;
                Thread t = new Thread(() -> {
                    SplittableRandom r = new SplittableRandom(writerSeed);
                    while (writing.get()) {
                        List<WriteModel<Document>> bulk = new ArrayList<>(BULK_UNDER_READS);
                        for (int i = 0; i < BULK_UNDER_READS; i++) {
                            bulk.add(new UpdateOneModel<>(Filters.eq("_id", bucketId(company, r.nextInt(owners))),
                                    push(seq.incrementAndGet(), r), new UpdateOptions().upsert(true)));
                        }
                        buckets.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
                        bulkWritten.addAndGet(BULK_UNDER_READS);
                    }
                }, "store-bulk-writer-" + w);
                t.setDaemon(true);
                t.start();
                writers.add(t);
            }
            long writtenBefore = bulkWritten.get();
            long readsStarted = System.nanoTime();
            OpenLoop.Result readsUnderBulk = OpenLoop.run("store _id reads during bulk writes", readRate, readDuration, 4, s -> {
                Document d = buckets.find(Filters.eq("_id", ids.get((int) (s * 7919 % ids.size())))).first();
                if (d == null) throw new IllegalStateException("bucket vanished");
            });
            double bulkRateUnderReads = (bulkWritten.get() - writtenBefore) / ((System.nanoTime() - readsStarted) / 1e9);
            writing.set(false);
            for (Thread t : writers) t.join(60_000);

            List<HotBucket> hot = new ArrayList<>();
            for (int capacity : new int[]{300, 50}) {
                hot.add(hotBucket(client.getDatabase("relais_bench").getCollection("hot_" + capacity), capacity,
                        singleDuration));
            }

            long docs = buckets.countDocuments();
            out.row("bucket upserts, bulkWrite of 1,000 ($push $each/$slice " + BUCKET_CAP + ")",
                            Report.num(bulkRate) + " updates/s")
                    .row("bucket upserts one by one (2 threads, " + singleDuration.toSeconds() + " s)",
                            Report.num(single.achieved()) + " updates/s; " + single.service().inline())
                    .row("same, filter `{_id, entries.id: {$ne: …}}` (one condition more than the key)",
                            Report.num(trapped.achieved()) + " updates/s; " + trapped.service().inline())
                    .row("read by _id at " + Report.num(readRate) + "/s for " + readDuration.toSeconds() + " s (open loop)",
                            reads.latency().inline() + "; service time " + reads.service().inline() + (reads.errors() > 0 ? "; " + reads.errors() + " errors" : ""))
                    .row("same reads while " + BULK_WRITERS + " other connections write bulks of " + BULK_UNDER_READS
                                    + " upserts back to back (" + Report.num(bulkRateUnderReads) + " updates/s meanwhile)",
                            readsUnderBulk.latency().inline() + "; service time " + readsUnderBulk.service().inline()
                                    + (readsUnderBulk.errors() > 0 ? "; " + readsUnderBulk.errors() + " errors" : ""))
                    .note("%s; %,d updates over %,d owner buckets (%,d documents, each a capped array of at most %d "
                            + "timeline entries of ~120 bytes).", where, bulkUpdates, owners, docs, BUCKET_CAP);
            for (HotBucket h : hot) {
                out.row("one hot bucket of " + h.capacity() + " entries (~" + h.documentBytes() / 1024
                                + " KiB): $push $sort $slice one by one", Report.num(h.updatesPerSecond()) + " updates/s")
                        .row("  read of that bucket by _id (back to back)", h.reads().service().inline());
            }
            out.note("The filter row is why feed-service filters every hot write by `_id` alone: this backend answers a "
                    + "filter from the `_id` key only when the filter names nothing else (a unique index must match the "
                    + "filter's keys exactly), and scans the whole collection otherwise.");
            out.note("The hot bucket mirrors feed-service's organisation source timeline: every organisation-wide post is "
                    + "pushed into the same day bucket (`$push` with `$sort` by time and `$slice` to the capacity, 300 there), "
                    + "and every home feed read merges that bucket; this backend rewrites the whole document on each update.");
            buckets.drop();
            return new Figures(where, bulkRate, single.achieved(), trapped.achieved(), reads, readsUnderBulk,
                    bulkRateUnderReads, hot);
        } finally {
            if (server != null) server.close();
            if (file != null) {
                try (var files = Files.walk(file.getParent())) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static HotBucket hotBucket(MongoCollection<Document> hot, int capacity, Duration duration) {
        hot.drop();
        List<Document> prefill = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(capacity);
        for (int i = 0; i < capacity; i++) prefill.add(entry(i, rnd));
        hot.insertOne(new Document("_id", "organisation|day").append("e", prefill));
        PushOptions newestKept = new PushOptions().sortDocument(new Document("t", -1)).slice(capacity);
        OpenLoop.Result writes = OpenLoop.saturate("hot bucket " + capacity, duration, 1, n -> hot.updateOne(
                Filters.eq("_id", "organisation|day"),
                Updates.pushEach("e", List.of(entry(capacity + n, new SplittableRandom(n))), newestKept)));
        OpenLoop.Result reads = OpenLoop.saturate("hot bucket " + capacity + " reads", duration, 1,
                n -> hot.find(Filters.eq("_id", "organisation|day")).first());
        Document d = hot.find(Filters.eq("_id", "organisation|day")).first();
        long bytes = d == null ? 0 : d.toJson().length();
        hot.drop();
        return new HotBucket(capacity, writes.achieved(), reads, bytes);
    }

    /** A timeline entry shaped like feed-service's: post, time, author, reasons, audience. */
    private static Document entry(long seq, SplittableRandom rnd) {
        return new Document("p", "urn:relais:post:hot-" + seq).append("t", System.currentTimeMillis() + seq)
                .append("a", "urn:relais:person:bench" + String.format("%06d", rnd.nextInt(1_000_000)))
                .append("r", List.of("organisation")).append("v", List.of("urn:relais:audience:organisation"));
    }

    /** The timeline bucket of a person: {@code _id} = owner + bucket number, the only fast key here. */
    static String bucketId(SyntheticCompany company, int owner) {
        return company.person(owner).login() + ":0";
    }

    private static Bson push(long seq, SplittableRandom rnd) {
        Document entry = new Document("id", "urn:relais:post:bench-" + seq)
                .append("actor", "urn:relais:person:bench" + String.format("%06d", rnd.nextInt(1_000_000)))
                .append("ts", System.currentTimeMillis())
                .append("kind", "post");
        return Updates.combine(
                Updates.pushEach("entries", List.of(entry), new PushOptions().slice(-BUCKET_CAP)),
                Updates.inc("count", 1));
    }
}
