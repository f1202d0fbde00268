package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.relais.feed.readcache.ReadCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two kinds of timelines: home timelines (one per person, filled by fan-out on write) and source
 * timelines (one per community, author, hashtag and the organisation, holding every post once; read
 * for community/person/hashtag feeds and merged into home feeds for sources too big to push).
 */
@ApplicationScoped
public class TimelineStore {

    private static final Logger LOG = Logger.getLogger(TimelineStore.class);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    FanOutConfig config;

    @Inject
    MeterRegistry meters;

    /** Read-through cache of the source timelines (hot ones: the organisation's, big communities'). */
    @Inject
    TimelineCache sourceCache;

    /** The replica's read-path caches: home reads keep each person's list of days there ({@link HomeDays}). */
    @Inject
    ReadCaches readCaches;

    private volatile TimelineBuckets home;
    private volatile TimelineBuckets homeReads;
    private volatile TimelineBuckets sources;

    void init(@Observes StartupEvent e) {
        home().declareIndexes();
        sources().declareIndexes();
    }

    TimelineBuckets home() {
        if (home == null) {
            var db = mongo.getDatabase(database);
            home = new TimelineBuckets(db.getCollection("home_timelines"), db.getCollection("home_timeline_heads"),
                    config.bucketCapacity());
        }
        return home;
    }

    /** The home timelines as readers walk them: days through {@link HomeDays}, buckets from the store. */
    TimelineBuckets homeReads() {
        if (homeReads == null) {
            if (readCaches == null) return home();
            var db = mongo.getDatabase(database);
            homeReads = new TimelineBuckets(db.getCollection("home_timelines"), db.getCollection("home_timeline_heads"),
                    config.bucketCapacity(), new HomeDays(readCaches));
        }
        return homeReads;
    }

    TimelineBuckets sources() {
        if (sources == null) {
            var db = mongo.getDatabase(database);
            sources = new TimelineBuckets(db.getCollection("source_timelines"),
                    db.getCollection("source_timeline_heads"), config.bucketCapacity(), sourceCache);
        }
        return sources;
    }

    /** The UTC day (days since the epoch) whose bucket holds an entry of this time. */
    public static long dayOf(long epochMillis) {
        return TimelineBuckets.day(epochMillis);
    }

    /** The id of the bucket ({@code "<owner>|<epoch day>"}) holding an owner's entries of that day. */
    public static String bucketId(String owner, long day) {
        return TimelineBuckets.bucketId(owner, day);
    }

    /** Writes a batch of fan-outs: source timelines first (readers pulling them see the post at once), then homes. */
    public void write(TimelineWrites writes) {
        int sourceEntries = sources().addAll(writes.sources(), writes.firstFanOuts());
        int homeEntries = home().addAll(writes.homes(), writes.firstFanOuts());
        meters.counter("relais.feed.timeline.entries.written", "timeline", "source").increment(sourceEntries);
        meters.counter("relais.feed.timeline.entries.written", "timeline", "home").increment(homeEntries);
    }

    public void removeFromSources(Collection<String> sourceIris, String post, long time) {
        sources().remove(sourceIris, post, time);
    }

    public void removeFromHomes(Collection<String> persons, String post, long time) {
        home().remove(persons, post, time);
    }

    /** Adds a reason to the home entries of a post that these people already hold; answers who holds it. */
    public Set<String> addHomeReason(Collection<String> persons, String post, long time, String reason) {
        return home().changeReason(persons, post, time, reason, true);
    }

    /** Takes a reason off these people's home entries of a post; an entry left without reason leaves the feed. */
    public void dropHomeReason(Collection<String> persons, String post, long time, String reason) {
        home().changeReason(persons, post, time, reason, false);
    }

    /** A newest-first walk over one person's home timeline merged with the given source timelines. */
    public TimelineScan scan(String homeOwner, Map<String, String> reasonBySource, Cursor after) {
        return new TimelineScan(homeReads(), homeOwner, sources(), reasonBySource, after);
    }

    /**
     * The same walk for a first page of about {@code items} items: with no cursor, its first step reads only the
     * newest {@code 2 × items + 10} entries of each home bucket (what the page needs, with room for the entries the
     * reader drops), and the rest of those days only if the page is not full without them ({@link TimelineScan}).
     */
    public TimelineScan scan(String homeOwner, Map<String, String> reasonBySource, Cursor after, int items) {
        return new TimelineScan(homeReads(), homeOwner, sources(), reasonBySource, after, 2 * Math.max(0, items) + 10);
    }

    /**
     * Forgets an erased person's own timelines: their home timeline and the source timeline of what they wrote (the
     * Deletes of their posts take the entries out of everyone else's). Answers how many buckets went.
     */
    public long forget(String personIri) {
        return home().forget(personIri) + sources().forget(personIri);
    }

    /** Entries of one person's home timeline for one day (diagnostics and tests). */
    public List<TimelineEntry> homeBucket(String person, long epochMillis) {
        return home().bucket(person, TimelineBuckets.day(epochMillis));
    }

    public Set<String> homeOwners(Collection<String> persons) {
        return home().days(persons).keySet();
    }

    @Scheduled(cron = "{feed.fanout.retention-cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropExpiredBuckets() {
        long cutoff = TimelineBuckets.day(System.currentTimeMillis()) - config.retentionDays();
        long dropped = home().dropBefore(cutoff) + sources().dropBefore(cutoff);
        LOG.infof("timeline retention: dropped %d buckets older than day %d", dropped, cutoff);
    }
}
