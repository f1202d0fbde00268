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

    TimelineScan(TimelineBuckets home, String homeOwner, TimelineBuckets sources, Map<String, String> reasonBySource,
                 Cursor after) {
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
        return !remaining.isEmpty();
    }

    /** The next entries, newest first; may be empty while {@link #hasMore()} is still true. */
    public List<TimelineEntry> next() {
        Set<Long> step = new TreeSet<>();
        while (step.size() < stepDays && !remaining.isEmpty()) {
            step.add(remaining.pollFirst());
        }
        stepDays = Math.min(MAX_STEP_DAYS, stepDays * 2);
        Map<String, TimelineEntry> byPost = new LinkedHashMap<>();
        if (!homeDays.isEmpty()) {
            for (TimelineEntry e : home.entries(only(homeDays, step))) merge(byPost, e);
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
