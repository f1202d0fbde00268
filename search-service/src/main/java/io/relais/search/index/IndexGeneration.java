package io.relais.search.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Lucene index on disk with its writer and near-real-time searchers. The live index is one
 * generation; a rebuild fills a new one and the service switches to it when it has caught up.
 */
public final class IndexGeneration implements Closeable {

    /** Facet dimensions; community and hashtag hold several values per item. */
    public static final FacetsConfig FACETS = facets();

    /** Segments up to this size (MB) produced by a flush or merge stay in memory until a commit syncs them. */
    static final double NRT_CACHE_SEGMENT_MB = 5.0;
    /** Memory (MB) those segments may take in all; beyond it new segments go straight to disk. */
    static final double NRT_CACHE_TOTAL_MB = 48.0;
    /** Segments of about the same size allowed before a merge (Lucene's default is 10). */
    static final double SEGMENTS_PER_TIER = 20.0;

    private final String name;
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Map<IndexReader, SortedSetDocValuesReaderState> facetStates = new WeakHashMap<>();
    /** Searchers kept for a while so that the pages of one search all read the same snapshot. */
    private final SearcherLifetimeManager snapshots = new SearcherLifetimeManager();

    /** A search refreshes its searcher first when the last refresh began longer ago than this. */
    private final long readFreshnessNanos;
    /** When the last refresh (background or by a search) began: every write before it is visible since. */
    private volatile long lastRefreshNanos = System.nanoTime();
    /** The sequence number of the last marker write or delete ({@link #upsertMarker}, {@link #deleteMarker}). */
    private final AtomicLong lastMarkerChange = new AtomicLong(-1);
    /** The last marker change that every searcher acquired since shows: {@link #hasMarker} refreshed after it. */
    private final AtomicLong markersVisibleThrough = new AtomicLong(-1);

    private IndexGeneration(String name, Path path, Duration refreshInterval, Duration backgroundRefreshInterval)
            throws IOException {
        this.name = name;
        this.path = path;
        // Under ingest the index is refreshed every refresh-interval and each refresh flushes a small segment:
        // Lucene's recipe for near-real-time indexing keeps such segments in memory until they are merged or a
        // commit syncs them (a commit still writes and syncs every file it names: durability is unchanged), and
        // a wider merge tier merges them less often (issue 18: merges took a third of search-service's CPU).
        this.directory = new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHE_SEGMENT_MB, NRT_CACHE_TOTAL_MB);
        IndexWriterConfig config = new IndexWriterConfig(Analysis.perField());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setSegmentsPerTier(SEGMENTS_PER_TIER);
        config.setMergePolicy(merges);
        config.setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.readFreshnessNanos = refreshInterval.toNanos();
        this.searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
                lastRefreshNanos = System.nanoTime();
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                // the time that matters is the start: writes made before it are in the refreshed searcher
            }
        });
        // in the background, refreshes at most every background interval (each refresh of a changed index writes a
        // segment); searches refresh on demand (fresh()); waitForGeneration callers get a refresh within 10 ms
        double seconds = backgroundRefreshInterval.toMillis() / 1000.0;
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, seconds, 0.01);
        this.reopener.setName("search-reopen-" + name);
        this.reopener.setDaemon(true);
        this.reopener.start();
    }

    /**
     * Opens (or creates) the generation at {@code path}.
     *
     * @param refreshInterval           a search sees every write made at least this long before it
     * @param backgroundRefreshInterval how often writes become visible when nobody searches
     */
    public static IndexGeneration open(String name, Path path, Duration refreshInterval, Duration backgroundRefreshInterval) {
        try {
            return new IndexGeneration(name, path, refreshInterval, backgroundRefreshInterval);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index " + path, e);
        }
    }

    /** Refreshes before a search when the searcher is older than the refresh interval (no-op when nothing changed). */
    private void fresh() throws IOException {
        if (System.nanoTime() - lastRefreshNanos > readFreshnessNanos) {
            searchers.maybeRefreshBlocking();
        }
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    /** Adds or replaces the document with this id (replay-safe); its text is cleaned first ({@link IndexedText}). */
    public long upsert(String id, Document doc) {
        try {
            return writer.updateDocument(new Term(Fields.ID, id), FACETS.build(IndexedText.clean(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long delete(Query... queries) {
        try {
            return writer.deleteDocuments(queries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long delete(Term... terms) {
        try {
            return writer.deleteDocuments(terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a marker document ({@link Fields#KIND_HIDDEN_THREAD}, {@link Fields#KIND_REMOVED_CARD}) that
     * {@link #hasMarker} must see at once, even before the next refresh.
     */
    public void upsertMarker(String id, Document doc) {
        lastMarkerChange.accumulateAndGet(upsert(id, doc), Math::max);
    }

    /** Deletes a marker document by id; {@link #hasMarker} no longer sees it from now on. */
    public void deleteMarker(String id) {
        lastMarkerChange.accumulateAndGet(delete(new Term(Fields.ID, id)), Math::max);
    }

    /**
     * Whether a marker document with this id is in the index now, written ones included that no search sees yet: the
     * searcher is refreshed first only when a marker changed since its last refresh (markers are few: moderation
     * decisions and deleted cards), never for freshness otherwise (other writes do not change the answer), so checking
     * each card's Create or Update adds no refresh, hence no segment, under ingest.
     */
    public boolean hasMarker(String id) {
        try {
            // the searcher's own refreshes are counted here (the reopen thread's generation does not follow them), so
            // one marker change costs one refresh, however many checks follow it
            long changed = lastMarkerChange.get();
            if (changed > markersVisibleThrough.get() && changed > reopener.getSearchingGen()) {
                searchers.maybeRefreshBlocking(); // begun after the change: shows it
                markersVisibleThrough.accumulateAndGet(changed, Math::max);
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term(Fields.ID, id))) > 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks until everything written so far is visible to searches. */
    public void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void addRefreshListener(ReferenceManager.RefreshListener listener) {
        searchers.addListener(listener);
    }

    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    public <T> T read(SearcherWork<T> work) {
        try {
            fresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public interface SnapshotWork<T> {
        /**
         * @param ranking  the snapshot a previous page was read from, or the newest searcher for a first page
         * @param now      the newest searcher: what may be shown, and what it says, is read here (the same searcher as
         *                 {@code ranking} for a first page, or when nothing changed since)
         * @param snapshot the token of {@code ranking}, for the next page's cursor
         */
        T run(IndexSearcher ranking, IndexSearcher now, long snapshot) throws IOException;
    }

    /**
     * Runs on the snapshot a previous page was read from when it is still kept, else on the newest
     * searcher (recorded as a new snapshot); either way with the newest searcher beside it.
     */
    public <T> T readSnapshot(Long snapshot, SnapshotWork<T> work) {
        try {
            fresh();
            IndexSearcher now = searchers.acquire();
            try {
                IndexSearcher kept = snapshot == null ? null : snapshots.acquire(snapshot);
                if (kept != null) {
                    try {
                        return work.run(kept, now, snapshot);
                    } finally {
                        snapshots.release(kept);
                    }
                }
                return work.run(now, now, snapshots.record(now));
            } finally {
                searchers.release(now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets go of snapshots older than this. */
    public void pruneSnapshots(Duration olderThan) {
        try {
            snapshots.prune(new SearcherLifetimeManager.PruneByAge(olderThan.toSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Facet ordinals of a reader, computed once per refreshed reader; null while no item has facets. */
    public synchronized SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState state = facetStates.get(reader);
        if (state == null) {
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
            facetStates.put(reader, state);
        }
        return state;
    }

    public int documentCount() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() {
        try {
            reopener.close();
            snapshots.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.FACET_COMMUNITY, true);
        config.setMultiValued(Fields.FACET_HASHTAG, true);
        return config;
    }
}
