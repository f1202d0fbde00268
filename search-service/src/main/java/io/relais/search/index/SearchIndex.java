package io.relais.search.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The live search index: the current {@link IndexGeneration}, fed by the Kafka consumers, committed
 * to disk every {@code search.commit-interval}. A record's offset is acknowledged to Kafka only once
 * the commit that contains it is durable, so a crash never loses an event (it is replayed, and
 * replays are idempotent). During a rebuild, live records are also kept aside and applied to the new
 * generation just before the switch.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";

    /** A record as read from Kafka; {@code value} null is a tombstone. */
    public record IncomingRecord(String topic, int partition, long offset, String key, String value) {
    }

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    IndexCatchUp catchUp;

    private volatile IndexGeneration current;
    private boolean startedEmpty;
    private final ReentrantLock switchLock = new ReentrantLock();
    /** Acknowledgements waiting for the next durable commit. */
    private final ConcurrentLinkedQueue<Runnable> pendingAcks = new ConcurrentLinkedQueue<>();
    /** Event times of writes not yet visible to searches: measured into the lag timer on refresh. */
    private final ConcurrentLinkedQueue<Instant> awaitingVisibility = new ConcurrentLinkedQueue<>();
    private volatile List<IncomingRecord> rebuildBuffer;
    private ScheduledExecutorService committer;
    private Timer lag;

    /**
     * Opens the index when the bean is first used, before any record reaches it (issue 16, finding F15). The Kafka
     * channels start before application start-up observers run, so a consumer may call {@link #applyLive} (and the
     * rebalance listener {@link #startedEmpty}) before a {@code StartupEvent} observer has opened the index: records
     * read then were refused (no index yet) and dead-lettered, and their offsets committed, so people announced
     * around a restart never reached search, and a new index could miss its replay from the beginning.
     */
    @PostConstruct
    void open() {
        lag = Timer.builder("relais.search.index.lag")
                .description("time from an event's publication to it being searchable")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("relais.search.index.docs", this, SearchIndex::documentCount)
                .description("Lucene documents in the live index (items, memberships, reactions)")
                .register(registry);
        Path root = root();
        try {
            Files.createDirectories(root);
            startedEmpty = !Files.exists(root.resolve(CURRENT));
            String name = Files.exists(root.resolve(CURRENT))
                    ? Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).trim() : "gen-0001";
            current = openLive(name);
            if (startedEmpty) writeCurrent(name);
            removeOtherGenerations(name);
            catchUp.indexOpened(startedEmpty);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare search index directory " + root, e);
        }
        committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-commit");
            t.setDaemon(true);
            return t;
        });
        long every = config.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::commitAndAcknowledge, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("search index %s opened with %d documents", current.path(), current.documentCount());
    }

    /** Opens the index at start even when no record arrives ({@link #open} runs once, on the first use). */
    void onStart(@Observes StartupEvent event) {
        LOG.debugf("search index ready with %d documents", documentCount());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (committer != null) committer.shutdownNow();
        commitAndAcknowledge();
        if (current != null) current.close();
    }

    /** True when no index existed on disk at start: the consumers then read the topics from the beginning. */
    public boolean startedEmpty() {
        return startedEmpty;
    }

    private void writeCurrent(String name) throws IOException {
        Path tmp = root().resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name, StandardCharsets.UTF_8);
        Files.move(tmp, root().resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public IndexGeneration current() {
        return current;
    }

    public int documentCount() {
        IndexGeneration g = current;
        return g == null ? 0 : g.documentCount();
    }

    /**
     * Applies one live record (already known to be valid) and registers its acknowledgement for the
     * next commit. Throws if the record cannot be read, so the caller sends it to the dead-letter topic.
     */
    public void applyLive(IncomingRecord record, Runnable acknowledge) {
        applyLive(record, null, acknowledge);
    }

    /**
     * Same, with the record already parsed and checked by the consumer ({@code parsed}; null: parsed here), so a
     * record is parsed once.
     */
    public void applyLive(IncomingRecord record, Parsed alreadyParsed, Runnable acknowledge) {
        Parsed parsed;
        try {
            parsed = alreadyParsed != null ? alreadyParsed : parse(record);
            switchLock.lock();
            try {
                apply(parsed, record, current);
                List<IncomingRecord> buffer = rebuildBuffer;
                if (buffer != null) buffer.add(record);
            } finally {
                switchLock.unlock();
            }
        } finally {
            // read either way: a record refused here goes to the dead-letter topic, it is not still to come
            catchUp.read(record.topic(), record.partition(), record.offset());
        }
        Instant eventTime = parsed.activity != null && parsed.activity.published() != null
                ? parsed.activity.published() : Instant.now();
        awaitingVisibility.add(eventTime);
        pendingAcks.add(acknowledge);
    }

    /**
     * Runs {@code acknowledge} once everything applied so far is in a durable commit (the next scheduled commit, or a
     * later one if it fails): how a consumer that took a poll at a time acknowledges it.
     */
    public void acknowledgeAfterCommit(Runnable acknowledge) {
        pendingAcks.add(acknowledge);
    }

    /**
     * Counts a record refused before it reached the index (its producer may not assert it: it goes to the
     * dead-letter topic) as read, so readiness does not wait for a record that will never be applied.
     */
    public void refused(IncomingRecord record) {
        catchUp.read(record.topic(), record.partition(), record.offset());
    }

    /** A parsed record: the activity, or null for a profile tombstone. */
    public record Parsed(Activity activity) {
    }

    public static Parsed parse(IncomingRecord record) {
        if (record.value() == null) {
            if (Topics.PROFILES.equals(record.topic())) return new Parsed(null);
            throw new IllegalArgumentException("an empty record is only meaningful on " + Topics.PROFILES);
        }
        return new Parsed(ActivityJson.read(record.value()));
    }

    /** Applies a parsed record to a generation (the live one, or one being rebuilt). */
    public static void apply(Parsed parsed, IncomingRecord record, IndexGeneration target) {
        if (Topics.PROFILES.equals(record.topic())) {
            Projection.applyProfile(record.key(), parsed.activity(), target);
        } else {
            Projection.apply(parsed.activity(), target, id -> storedPublished(target, id));
        }
    }

    private static Instant storedPublished(IndexGeneration target, String id) {
        target.refreshNow();
        return target.read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) return null;
            Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
            var f = d.getField(Fields.PUBLISHED);
            return f == null ? null : Instant.ofEpochMilli(f.numericValue().longValue());
        });
    }

    /** Makes writes durable, then acknowledges the records they came from. */
    public void commitAndAcknowledge() {
        List<Runnable> acks = new ArrayList<>();
        for (Runnable r; (r = pendingAcks.poll()) != null; ) acks.add(r);
        try {
            switchLock.lock();
            try {
                if (current != null) {
                    current.commit();
                    current.pruneSnapshots(Duration.ofMinutes(10));
                }
            } finally {
                switchLock.unlock();
            }
        } catch (RuntimeException e) {
            LOG.error("search index commit failed; records stay unacknowledged", e);
            pendingAcks.addAll(acks); // retried on the next pass
            return;
        }
        for (Runnable ack : acks) {
            try {
                ack.run();
            } catch (RuntimeException e) {
                LOG.warn("acknowledging a record failed", e);
            }
        }
    }

    // ----- rebuild support

    /** Opens an empty generation next to the live one; live records are kept aside from now on. */
    public IndexGeneration startRebuild() {
        switchLock.lock();
        try {
            if (rebuildBuffer != null) throw new IllegalStateException("a rebuild is already running");
            String name = nextGenerationName();
            Path path = root().resolve(name);
            deleteRecursively(path);
            rebuildBuffer = new ArrayList<>();
            return IndexGeneration.open(name, path, config.refreshInterval(), config.backgroundRefreshInterval());
        } finally {
            switchLock.unlock();
        }
    }

    /**
     * Switches to a rebuilt generation: first applies the live records kept aside that the rebuild did
     * not read (offset at or past its end offset for that partition), commits, then makes it current.
     */
    public void finishRebuild(IndexGeneration rebuilt, Map<String, Long> endOffsets) {
        IndexGeneration old;
        switchLock.lock();
        try {
            for (IncomingRecord r : rebuildBuffer) {
                Long end = endOffsets.get(r.topic() + "-" + r.partition());
                if (end == null || r.offset() >= end) apply(parse(r), r, rebuilt);
            }
            rebuilt.commit();
            rebuilt.refreshNow();
            writeCurrent(rebuilt.name());
            old = current;
            rebuilt.addRefreshListener(new LagMeter());
            current = rebuilt;
            rebuildBuffer = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            switchLock.unlock();
        }
        commitAndAcknowledge();
        // searches may still hold the old generation's searcher for a moment: close it a little later
        committer.schedule(() -> {
            try {
                old.close();
                deleteRecursively(old.path());
            } catch (RuntimeException e) {
                LOG.warn("closing the replaced index generation failed", e);
            }
        }, 5, TimeUnit.SECONDS);
        LOG.infof("search index switched to %s (%d documents)", rebuilt.name(), rebuilt.documentCount());
    }

    public void abandonRebuild(IndexGeneration rebuilt) {
        switchLock.lock();
        try {
            rebuildBuffer = null;
        } finally {
            switchLock.unlock();
        }
        rebuilt.close();
        deleteRecursively(rebuilt.path());
    }

    private IndexGeneration openLive(String name) {
        IndexGeneration g = IndexGeneration.open(name, root().resolve(name), config.refreshInterval(),
                config.backgroundRefreshInterval());
        g.addRefreshListener(new LagMeter());
        return g;
    }

    /** Measures, at each refresh, how long the writes it makes visible waited since their event time. */
    private final class LagMeter implements ReferenceManager.RefreshListener {
        private int before;

        @Override
        public void beforeRefresh() {
            before = awaitingVisibility.size();
        }

        @Override
        public void afterRefresh(boolean didRefresh) {
            Instant now = Instant.now();
            for (int i = 0; i < before; i++) {
                Instant t = awaitingVisibility.poll();
                if (t == null) break;
                lag.record(Duration.between(t, now).isNegative() ? Duration.ZERO : Duration.between(t, now));
            }
        }
    }

    private Path root() {
        return Path.of(config.indexDir());
    }

    private String nextGenerationName() {
        int n = Integer.parseInt(current.name().substring("gen-".length())) + 1;
        return String.format("gen-%04d", n);
    }

    private void removeOtherGenerations(String keep) throws IOException {
        try (Stream<Path> s = Files.list(root())) {
            s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("gen-")
                    && !p.getFileName().toString().equals(keep)).forEach(SearchIndex::deleteRecursively);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) return;
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
