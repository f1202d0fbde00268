package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.relais.testing.EmbeddedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first home page reads only the newest entries of each home bucket (issue 18: under ingest a person's bucket of the
 * day holds 300 entries and a page shows 20), and still walks exactly what a walk of whole buckets walks: the same
 * entries, the same reasons, the same order, ties at the cut included. Buckets are written through the fan-out's own
 * write ({@link TimelineBuckets#addAll}) into the embedded store, whose {@code $slice} projection does the cut.
 */
class FirstPageCutReadTest {

    private static final int CAPACITY = 40;
    private static MongoClient client;
    private static MongoDatabase db;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedStore.shared().connectionString());
        db = client.getDatabase("first-page-cut-read");
    }

    @AfterAll
    static void close() {
        db.drop();
        client.close();
    }

    private static TimelineBuckets home() {
        return new TimelineBuckets(db.getCollection("home"), db.getCollection("home_heads"), CAPACITY);
    }

    private static TimelineBuckets sources() {
        return new TimelineBuckets(db.getCollection("sources"), db.getCollection("source_heads"), CAPACITY);
    }

    @Test
    void aCutReadGivesAtMostTheWantedNewestEntriesOfEachBucketAndSaysWhereItMayLackSome() {
        long today = TimelineBuckets.day(System.currentTimeMillis());
        String owner = "urn:relais:person:cut-" + System.nanoTime();
        List<TimelineEntry> entries = fullDay(owner, today, "urn:relais:post:c");

        TimelineBuckets.Newest newest = home().newest(Map.of(owner, List.of(today)), 5);

        assertThat(newest.entries()).extracting(TimelineEntry::post)
                .containsExactly("urn:relais:post:c39", "urn:relais:post:c38", "urn:relais:post:c37", "urn:relais:post:c36",
                        "urn:relais:post:c35", "urn:relais:post:c34");
        assertThat(newest.partialUpTo()).isEqualTo(today * TimelineBuckets.DAY_MILLIS + 34_000L);
        assertThat(home().newest(Map.of(owner, List.of(today)), CAPACITY).partialUpTo())
                .as("a bucket read whole lacks nothing").isNull();
    }

    @Test
    void aWalkWhoseFirstStepReadsCutBucketsWalksWhatAWalkOfWholeBucketsWalks() {
        int cutsThatMattered = 0;
        for (int seed = 1; seed <= 150; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            String run = "s" + seed + "-" + System.nanoTime();
            String owner = "urn:relais:person:" + run;
            List<String> sourceOwners = List.of("urn:relais:community:" + run + "-a", "urn:relais:community:" + run + "-b");
            long today = TimelineBuckets.day(System.currentTimeMillis());
            long[] days = {today, today - 1, today - 2, today - 4, today - 9};

            Map<String, List<TimelineEntry>> homes = new LinkedHashMap<>();
            Map<String, List<TimelineEntry>> pulled = new LinkedHashMap<>();
            int posts = 0;
            for (long day : days) {
                if (day != today && rnd.nextInt(3) == 0) continue;
                int n = rnd.nextInt(3) == 0 ? rnd.nextInt(6) : CAPACITY + rnd.nextInt(20); // often over capacity: full buckets
                for (int i = 0; i < n; i++) {
                    // few distinct instants in a day, so entries tie at the cut
                    long time = day * TimelineBuckets.DAY_MILLIS + rnd.nextInt(25) * 1000L;
                    TimelineEntry e = entry("urn:relais:post:" + run + "-" + posts++, time);
                    int where = rnd.nextInt(5);
                    if (where <= 2) homes.computeIfAbsent(owner, o -> new ArrayList<>()).add(e);
                    if (where >= 2) pulled.computeIfAbsent(sourceOwners.get(rnd.nextInt(2)), o -> new ArrayList<>()).add(e);
                }
            }
            home().addAll(homes, Set.of());
            sources().addAll(pulled, Set.of());
            Map<String, String> reasons = Map.of(sourceOwners.get(0), Reasons.MEMBER, sourceOwners.get(1), Reasons.FOLLOWS_COMMUNITY);
            int wanted = 1 + rnd.nextInt(12);

            List<List<TimelineEntry>> whole = walk(new TimelineScan(home(), owner, sources(), reasons, null));
            List<List<TimelineEntry>> cut = walk(new TimelineScan(home(), owner, sources(), reasons, null, wanted));

            assertThat(flat(cut)).as("seed %d, %d wanted", seed, wanted).isEqualTo(flat(whole));
            if (cut.size() > whole.size()) cutsThatMattered++;
        }
        assertThat(cutsThatMattered).as("walks whose first step was finished by a whole read").isGreaterThan(50);
    }

    @Test
    void aPageAfterACursorReadsWholeBuckets() {
        long today = TimelineBuckets.day(System.currentTimeMillis());
        String owner = "urn:relais:person:cursor-" + System.nanoTime();
        List<TimelineEntry> entries = fullDay(owner, today, "urn:relais:post:k");
        Cursor after = Cursor.after(entries.get(30));

        List<List<TimelineEntry>> steps = walk(new TimelineScan(home(), owner, sources(), Map.of(), after, 3));

        assertThat(steps.get(0)).as("one step, whole: the cursor's page is not cut").hasSize(30);
    }

    /** A full home bucket for the day: {@code prefix0}…{@code prefix39}, one second apart, the last the newest. */
    private static List<TimelineEntry> fullDay(String owner, long day, String prefix) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) entries.add(entry(prefix + i, day * TimelineBuckets.DAY_MILLIS + i * 1000L));
        home().addAll(Map.of(owner, entries), Set.of());
        return entries;
    }

    private static TimelineEntry entry(String post, long time) {
        return new TimelineEntry(post, time, "urn:relais:person:author", Set.of(Reasons.FOLLOWS_AUTHOR), List.of());
    }

    private static List<List<TimelineEntry>> walk(TimelineScan scan) {
        List<List<TimelineEntry>> steps = new ArrayList<>();
        while (scan.hasMore()) steps.add(scan.next());
        return steps;
    }

    private static List<TimelineEntry> flat(List<List<TimelineEntry>> steps) {
        List<TimelineEntry> all = new ArrayList<>();
        steps.forEach(all::addAll);
        return all;
    }
}
