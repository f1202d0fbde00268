package io.relais.feed.hottimeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.timeline.ContentFacts;
import io.relais.kit.messaging.EventHeaders;
import io.relais.feed.timeline.FanOut;
import io.relais.feed.timeline.FanOutConfig;
import io.relais.feed.timeline.TimelineCache;
import io.relais.feed.timeline.TimelineEntry;
import io.relais.feed.timeline.TimelineStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * The hot source timelines of this replica (the organisation's, which every home feed merges, and those
 * of the communities, people and hashtags people read), held in memory with Caffeine and kept current from
 * the activities topic this replica already reads for live push ({@link #apply}):
 * <ul>
 *   <li>a {@code Create} of a post or card adds its entry to the cached buckets of its sources (the same
 *       sources as {@link FanOut#sourcesOf}) and its day to their cached lists of days, so a post accepted by
 *       any replica shows on every replica's cached pages without waiting for the fan-out consumer;</li>
 *   <li>a {@code Delete} takes the entry out of every cached bucket;</li>
 *   <li>an {@code Update} (an edit, a moderation decision, an audience change) drops every cached bucket that
 *       holds the object or belongs to it or to the sources it names, which the next read takes from the
 *       store again.</li>
 * </ul>
 * A bucket read from the store merges, under the same per-key lock as those changes, what was announced in
 * the last {@link HotTimelinesConfig#recentWindow()} (the fan-out consumer, possibly on another replica, may
 * write it later than this replica heard of it), so a read racing an announcement never caches a page
 * without it. Whatever was not announced to this replica (it started while a post was in flight) is read
 * again after {@link HotTimelinesConfig#ttl()}.
 *
 * <p>The cache only narrows what the store would answer: readers apply the audience rule to each entry and
 * hydrate through {@code PostViews}, which leaves out deleted and hidden items and applies the rule again,
 * after it. Home timelines are not cached: who receives a pushed post is the fan-out's decision, which this
 * replica does not hear of.
 */
@Singleton
public class HotTimelines implements TimelineCache {

    private final HotTimelinesConfig config;
    private final int capacity;
    private final Cache<String, List<TimelineEntry>> buckets;
    private final Cache<String, List<Long>> heads;
    /** Entries announced by Creates, per source owner, with the time this replica heard of them. */
    private final Cache<String, ConcurrentLinkedDeque<Heard>> recentCreates;
    /** Objects announced deleted. */
    private final Cache<String, Boolean> recentRemovals;
    /** The version (activity time) of the last Create or Update of each post applied here: older ones are replays. */
    private final Cache<String, Long> versions;
    /** Posts announced to have left a source timeline (an edit lost a hashtag…), keyed by {@link #lossKey}. */
    private final Cache<String, Boolean> recentLosses;
    private final Counter hits;
    private final Counter misses;
    /** The replica's other read-path caches, told of every activity applied here (null: none, as in tests). */
    private final ReadCaches readCaches;

    private record Heard(long at, TimelineEntry entry) {
    }

    /** The replica's cache, sized by {@code feed.hot-timelines.*} and the buckets' capacity ({@code feed.fanout.bucket-capacity}). */
    @Inject
    public HotTimelines(HotTimelinesConfig config, FanOutConfig fanOut, MeterRegistry meters, ReadCaches readCaches) {
        this(config, fanOut.bucketCapacity(), meters, readCaches);
    }

    /**
     * A cache with explicit settings (another replica's read path in tests; {@code meters} may be null).
     *
     * @param bucketCapacity most entries a day bucket keeps, the newest (as the store's {@code $slice})
     */
    public HotTimelines(HotTimelinesConfig config, int bucketCapacity, MeterRegistry meters) {
        this(config, bucketCapacity, meters, null);
    }

    /**
     * Same, also telling {@code readCaches} (the replica's other read-path caches, may be null) of every activity
     * applied here, so the live consumer keeps them current too.
     */
    public HotTimelines(HotTimelinesConfig config, int bucketCapacity, MeterRegistry meters, ReadCaches readCaches) {
        this.readCaches = readCaches;
        this.config = config;
        this.capacity = bucketCapacity;
        this.buckets = Caffeine.newBuilder()
                .maximumWeight(config.maxEntries())
                .weigher((String id, List<TimelineEntry> entries) -> Math.max(1, entries.size()))
                .expireAfterWrite(config.ttl())
                .build();
        this.heads = Caffeine.newBuilder().maximumSize(config.maxHeads()).expireAfterWrite(config.ttl()).build();
        this.recentCreates = Caffeine.newBuilder().maximumSize(config.maxHeads()).expireAfterAccess(config.recentWindow()).build();
        this.recentRemovals = Caffeine.newBuilder().maximumSize(config.maxEntries()).expireAfterWrite(config.recentWindow()).build();
        this.versions = Caffeine.newBuilder().maximumSize(config.maxEntries()).build();
        this.recentLosses = Caffeine.newBuilder().maximumSize(config.maxEntries()).expireAfterWrite(config.recentWindow()).build();
        this.hits = meters == null ? null : Counter.builder("relais.feed.hot.timelines.reads").tag("result", "hit")
                .description("source timeline buckets and day lists answered by the hot-timeline cache").register(meters);
        this.misses = meters == null ? null : Counter.builder("relais.feed.hot.timelines.reads").tag("result", "miss")
                .description("source timeline buckets and day lists read from the store").register(meters);
    }

    @Override
    public Map<String, List<Long>> days(Collection<String> owners, Function<Collection<String>, Map<String, List<Long>>> store) {
        if (!config.enabled()) return store.apply(owners);
        Map<String, List<Long>> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String owner : owners) {
            List<Long> days = heads.getIfPresent(owner);
            if (days == null) missing.add(owner);
            else if (!days.isEmpty()) out.put(owner, days);
        }
        count(owners.size() - missing.size(), missing.size());
        if (missing.isEmpty()) return out;
        Map<String, List<Long>> loaded = store.apply(missing);
        for (String owner : missing) {
            List<Long> days = heads.asMap().compute(owner, (o, cached) -> {
                TreeSet<Long> all = new TreeSet<>(Comparator.reverseOrder());
                all.addAll(loaded.getOrDefault(o, List.of()));
                recent(o).forEach(e -> all.add(TimelineStore.dayOf(e.time())));
                if (cached != null) all.addAll(cached); // announced while we read
                return List.copyOf(all);
            });
            if (!days.isEmpty()) out.put(owner, days);
        }
        return out;
    }

    @Override
    public Map<String, List<TimelineEntry>> buckets(Collection<String> bucketIds,
                                                    Function<Collection<String>, Map<String, List<TimelineEntry>>> store) {
        if (!config.enabled()) return store.apply(bucketIds);
        Map<String, List<TimelineEntry>> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : bucketIds) {
            List<TimelineEntry> entries = buckets.getIfPresent(id);
            if (entries == null) missing.add(id);
            else out.put(id, entries);
        }
        count(bucketIds.size() - missing.size(), missing.size());
        if (missing.isEmpty()) return out;
        Map<String, List<TimelineEntry>> loaded = store.apply(missing);
        for (String id : missing) {
            String owner = ownerOf(id);
            long day = dayOf(id);
            out.put(id, buckets.asMap().compute(id, (k, cached) -> {
                // what was announced wins over what the store held before it (an edit's new audience)
                List<TimelineEntry> all = new ArrayList<>();
                recent(owner).stream().filter(e -> TimelineStore.dayOf(e.time()) == day).forEach(all::add);
                if (cached != null) all.addAll(cached);
                all.addAll(loaded.getOrDefault(k, List.of()));
                return capped(owner, all);
            }));
        }
        return out;
    }

    /**
     * Whether an activity announced by these record headers may change what this replica caches for readers: a
     * Create, Update or Delete (of a post or card: the hot timelines; of a comment: its thread's count and first
     * comments), a reaction or its Undo, a follow, and a membership change ({@link ReadCaches}). The live consumer
     * passes over the rest unread while nobody is connected.
     */
    public static boolean mayChange(EventHeaders announced) {
        return announced.isOneOf(As2.CREATE, As2.UPDATE, As2.DELETE, As2.LIKE, As2.UNDO, As2.FOLLOW, As2.JOIN, As2.LEAVE,
                As2.ACCEPT, As2.ADD, As2.REMOVE);
    }

    /**
     * Applies one activity of the topic to the cached timelines (see the class comment) and tells the replica's other
     * read-path caches of it ({@link ReadCaches#heard}); anything that is not a Create, Update or Delete changes no
     * cached timeline.
     */
    public void apply(Activity activity) {
        if (readCaches != null) readCaches.heard(activity);
        if (!config.enabled() || activity.object() == null || activity.object().id() == null) return;
        if (Iri.isValid(activity.object().id()) && Iri.isKind(activity.object().id(), Iri.COMMENT)) return; // no timeline holds a comment
        switch (activity.type()) {
            case As2.CREATE -> ContentFacts.ofCreate(activity).filter(ContentFacts::isFeedItem).ifPresent(this::created);
            case As2.DELETE -> removed(activity.object().id());
            case As2.UPDATE -> updated(activity);
            default -> {
                // nothing cached depends on it
            }
        }
    }

    private void created(ContentFacts post) {
        if (recentRemovals.getIfPresent(post.id()) != null) return; // a replayed Create of a deleted post
        if (!newer(post)) return; // a replayed Create of an edited post
        TimelineEntry entry = new TimelineEntry(post.id(), post.time(), post.author(), Set.of(), post.audience());
        long now = System.currentTimeMillis();
        for (String owner : FanOut.sourcesOf(post)) {
            if (recentLosses.getIfPresent(lossKey(owner, post.id())) != null) continue; // a replayed Create of an edited post
            ConcurrentLinkedDeque<Heard> heard = recentCreates.get(owner, o -> new ConcurrentLinkedDeque<>());
            heard.add(new Heard(now, entry));
            prune(heard, now);
            addCached(owner, entry);
        }
    }

    /** Adds an entry to the owner's cached bucket of its day and the day to the owner's cached list, if cached. */
    private void addCached(String owner, TimelineEntry entry) {
        long day = TimelineStore.dayOf(entry.time());
        buckets.asMap().computeIfPresent(TimelineStore.bucketId(owner, day), (id, entries) -> {
            List<TimelineEntry> all = new ArrayList<>(entries);
            all.removeIf(e -> e.post().equals(entry.post()));
            all.add(entry);
            return capped(owner, all);
        });
        heads.asMap().computeIfPresent(owner, (o, days) -> {
            if (days.contains(day)) return days;
            TreeSet<Long> all = new TreeSet<>(Comparator.reverseOrder());
            all.addAll(days);
            all.add(day);
            return List.copyOf(all);
        });
    }

    private void removed(String object) {
        recentRemovals.put(object, Boolean.TRUE);
        for (String id : List.copyOf(buckets.asMap().keySet())) {
            buckets.asMap().computeIfPresent(id, (k, entries) -> {
                if (entries.stream().noneMatch(e -> e.post().equals(object))) return entries;
                return entries.stream().filter(e -> !e.post().equals(object)).toList();
            });
        }
        recentCreates.asMap().values().forEach(heard -> heard.removeIf(h -> h.entry().post().equals(object)));
        dropOwnedBy(Set.of(object));
    }

    /**
     * An edit, a moderation decision or an audience change. For a post or card, applied as the fan-out applies
     * it to the store: the post leaves the cached timelines of the sources it no longer has (remembered, so a
     * read racing the fan-out does not bring it back), its entry carries the new audience in the others, and
     * enters those of the sources it gained when its time is known here (else those are read again). For
     * anything else (a community), the object's own cached timeline is read again.
     */
    private void updated(Activity activity) {
        String object = activity.object().id();
        ContentFacts after = ContentFacts.ofCreate(activity).filter(ContentFacts::isFeedItem).orElse(null);
        if (after == null) {
            dropOwnedBy(Set.of(object));
            return;
        }
        if (!newer(after)) return; // a re-delivered or older edit, as the fan-out's ContentFacts#supersedes
        Set<String> sources = FanOut.sourcesOf(after);
        TimelineEntry known = null;
        for (Map.Entry<String, List<TimelineEntry>> bucket : List.copyOf(buckets.asMap().entrySet())) {
            for (TimelineEntry e : bucket.getValue()) {
                if (e.post().equals(object)) known = e;
            }
        }
        for (Map.Entry<String, ConcurrentLinkedDeque<Heard>> heard : recentCreates.asMap().entrySet()) {
            for (Heard h : heard.getValue()) {
                if (h.entry().post().equals(object)) known = h.entry();
            }
            if (!sources.contains(heard.getKey())) heard.getValue().removeIf(h -> h.entry().post().equals(object));
        }
        for (String id : List.copyOf(buckets.asMap().keySet())) {
            String owner = ownerOf(id);
            if (sources.contains(owner)) continue;
            buckets.asMap().computeIfPresent(id, (k, entries) -> {
                if (entries.stream().noneMatch(e -> e.post().equals(object))) return entries;
                recentLosses.put(lossKey(owner, object), Boolean.TRUE);
                return entries.stream().filter(e -> !e.post().equals(object)).toList();
            });
        }
        if (known == null) {
            dropOwnedBy(sources);
            return;
        }
        TimelineEntry entry = new TimelineEntry(object, known.time(), known.author(), Set.of(), after.audience());
        long now = System.currentTimeMillis();
        for (String owner : sources) {
            recentLosses.invalidate(lossKey(owner, object));
            ConcurrentLinkedDeque<Heard> heard = recentCreates.get(owner, o -> new ConcurrentLinkedDeque<>());
            heard.removeIf(h -> h.entry().post().equals(object));
            heard.add(new Heard(now, entry));
            addCached(owner, entry);
        }
    }

    /** Records the version of these facts unless a newer one was applied; answers whether they are to be applied. */
    private boolean newer(ContentFacts facts) {
        if (facts.version() <= 0) return true;
        boolean[] apply = {false};
        versions.asMap().compute(facts.id(), (id, applied) -> {
            if (applied != null && applied >= facts.version()) return applied;
            apply[0] = true;
            return facts.version();
        });
        return apply[0];
    }

    private static String lossKey(String owner, String post) {
        return owner + "\u0000" + post;
    }

    /** Drops the cached buckets and lists of days of these owners (read from the store again next time). */
    private void dropOwnedBy(Set<String> owners) {
        heads.invalidateAll(owners);
        List<String> ids = buckets.asMap().keySet().stream().filter(id -> owners.contains(ownerOf(id))).toList();
        buckets.invalidateAll(ids);
    }

    /** Announced entries of an owner still within the window, less those announced deleted. */
    private List<TimelineEntry> recent(String owner) {
        ConcurrentLinkedDeque<Heard> heard = recentCreates.getIfPresent(owner);
        if (heard == null) return List.of();
        long since = System.currentTimeMillis() - config.recentWindow().toMillis();
        List<TimelineEntry> out = new ArrayList<>();
        for (Heard h : heard) {
            if (h.at() >= since) out.add(h.entry());
        }
        return out;
    }

    private void prune(ConcurrentLinkedDeque<Heard> heard, long now) {
        long since = now - config.recentWindow().toMillis();
        Iterator<Heard> it = heard.iterator();
        while (it.hasNext() && it.next().at() < since) it.remove();
    }

    /**
     * One entry per post (the first given wins), none announced deleted or gone from this owner's timeline,
     * newest first, at most the bucket capacity (the store's {@code $slice}).
     */
    private List<TimelineEntry> capped(String owner, List<TimelineEntry> entries) {
        Set<String> seen = new LinkedHashSet<>();
        List<TimelineEntry> kept = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            if (recentRemovals.getIfPresent(e.post()) == null && recentLosses.getIfPresent(lossKey(owner, e.post())) == null
                    && seen.add(e.post())) {
                kept.add(e);
            }
        }
        kept.sort(TimelineEntry::newestFirst);
        List<TimelineEntry> out = kept.size() > capacity ? kept.subList(0, capacity) : kept;
        return List.copyOf(out);
    }

    private void count(int hit, int miss) {
        if (hits == null) return;
        if (hit > 0) hits.increment(hit);
        if (miss > 0) misses.increment(miss);
    }

    /** Buckets and lists of days read from the store so far (diagnostics and tests). */
    public long misses() {
        return misses == null ? 0 : (long) misses.count();
    }

    /** Whether this replica holds the bucket of an owner's day in memory, with that post in it (tests, diagnostics). */
    public boolean holds(String owner, long day, String post) {
        List<TimelineEntry> entries = buckets.getIfPresent(TimelineStore.bucketId(owner, day));
        return entries != null && entries.stream().anyMatch(e -> e.post().equals(post));
    }

    private static String ownerOf(String bucketId) {
        return bucketId.substring(0, bucketId.lastIndexOf('|'));
    }

    private static long dayOf(String bucketId) {
        return Long.parseLong(bucketId.substring(bucketId.lastIndexOf('|') + 1));
    }
}
