package io.relais.feed.timeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a home timeline and several source timelines together, newest first, day by day: each step
 * reads the next few day-buckets of every timeline with one {@code _id $in} per collection, merges
 * them, removes duplicates (a post pushed to me and also in a pulled source is one item, with both
 * reasons) and drops what is not strictly after the cursor. A post has the same time in every
 * timeline, so its copies always fall in the same step.
 *
 * <p>A first page (no cursor) may ask for only the newest few entries of each home bucket ({@code newestWanted}):
 * under ingest a person's bucket of the day is full (300 entries) and a page shows 20. The first step then reads the
 * home buckets cut to that many ({@link TimelineBuckets#newest}) and gives only what is certainly complete, the entries
 * newer than the oldest one read from a cut bucket; the next call reads the same days whole and gives the rest of
 * them, older or equal, before the walk goes on. The order and the items are those of a walk without the hint.
 */
public final class TimelineScan {

    private static final int FIRST_STEP_DAYS = 3;
    private static final int MAX_STEP_DAYS = 32;

    private final TimelineBuckets home;
    private final String homeOwner;
    private final TimelineBuckets sources;
    private final Map<String, String> reasonBySource;
    private final Cursor after;
    private final Map<String, List<Long>> homeDays;
    private final Map<String, List<Long>> sourceDays;
    private final NavigableSet<Long> remaining = new TreeSet<>(Collections.reverseOrder());
    private int stepDays = FIRST_STEP_DAYS;
    /** Entries wanted from each home bucket of the first step (0 = read buckets whole). */
    private int newestWanted;
    /** Days of a step whose home buckets were read cut, to read again whole; null when none is pending. */
    private Set<Long> unfinished;
    /** Of the unfinished days, entries newer than this (epoch millis) were already given. */
    private long givenAfter;

    TimelineScan(TimelineBuckets home, String homeOwner, TimelineBuckets sources, Map<String, String> reasonBySource,
                 Cursor after) {
        this(home, homeOwner, sources, reasonBySource, after, 0);
    }

    /**
     * @param newestWanted with no cursor, how many entries the first step reads from each home bucket at most (the
     *                     page and what the reader may drop; 0 or a cursor = whole buckets); its home buckets must
     *                     be read past any cache ({@link TimelineBuckets#newest})
     */
    TimelineScan(TimelineBuckets home, String homeOwner, TimelineBuckets sources, Map<String, String> reasonBySource,
                 Cursor after, int newestWanted) {
        this.newestWanted = after == null && homeOwner != null ? Math.max(0, newestWanted) : 0;
        this.home = home;
        this.homeOwner = homeOwner;
        this.sources = sources;
        this.reasonBySource = reasonBySource;
        this.after = after;
        this.homeDays = homeOwner == null ? Map.of() : home.days(List.of(homeOwner));
        this.sourceDays = reasonBySource.isEmpty() ? Map.of() : sources.days(reasonBySource.keySet());
        Long startDay = after == null ? null : TimelineBuckets.day(after.time());
        homeDays.values().forEach(remaining::addAll);
        sourceDays.values().forEach(remaining::addAll);
        if (startDay != null) remaining.removeIf(d -> d > startDay);
    }

    public boolean hasMore() {
        return unfinished != null || !remaining.isEmpty();
    }

    /** The next entries, newest first; may be empty while {@link #hasMore()} is still true. */
    public List<TimelineEntry> next() {
        if (unfinished != null) { // the rest of a step whose home buckets were read cut: read whole, older part only
            Set<Long> step = unfinished;
            unfinished = null;
            List<TimelineEntry> rest = read(step, 0);
            rest.removeIf(e -> e.time() > givenAfter);
            return rest;
        }
        Set<Long> step = new TreeSet<>();
        while (step.size() < stepDays && !remaining.isEmpty()) {
            step.add(remaining.pollFirst());
        }
        stepDays = Math.min(MAX_STEP_DAYS, stepDays * 2);
        int cut = newestWanted;
        newestWanted = 0; // the first step only
        return read(step, cut);
    }

    /** The step's entries after the cursor, newest first; with {@code cut} > 0, only those certainly complete. */
    private List<TimelineEntry> read(Set<Long> step, int cut) {
        Map<String, TimelineEntry> byPost = new LinkedHashMap<>();
        Long partialUpTo = null;
        if (!homeDays.isEmpty()) {
            if (cut > 0) {
                TimelineBuckets.Newest newest = home.newest(only(homeDays, step), cut);
                newest.entries().forEach(e -> merge(byPost, e));
                partialUpTo = newest.partialUpTo();
            } else {
                for (TimelineEntry e : home.entries(only(homeDays, step))) merge(byPost, e);
            }
        }
        if (!sourceDays.isEmpty()) {
            // one read per step for all sources; each entry gains the source's role for this reader
            List<TimelineEntry> pulled = sources.entries(only(sourceDays, step), (owner, entry) ->
                    entry.withReasons(List.of(reasonBySource.getOrDefault(owner, "source"))));
            for (TimelineEntry e : pulled) merge(byPost, e);
        }
        List<TimelineEntry> out = new ArrayList<>();
        for (TimelineEntry e : byPost.values()) {
            if (e.isBefore(after)) out.add(e);
        }
        if (partialUpTo != null) {
            // a cut bucket may lack entries at or before its oldest one read: those come with the step read whole
            long upTo = partialUpTo;
            out.removeIf(e -> e.time() <= upTo);
            unfinished = step;
            givenAfter = upTo;
        }
        out.sort(TimelineEntry::newestFirst);
        return out;
    }

    private static void merge(Map<String, TimelineEntry> byPost, TimelineEntry e) {
        byPost.merge(e.post(), e, (a, b) -> a.withReasons(b.reasons()));
    }

    private static Map<String, List<Long>> only(Map<String, List<Long>> daysByOwner, Set<Long> step) {
        Map<String, List<Long>> out = new HashMap<>();
        daysByOwner.forEach((owner, days) -> {
            List<Long> in = days.stream().filter(step::contains).toList();
            if (!in.isEmpty()) out.put(owner, in);
        });
        return out;
    }
}
