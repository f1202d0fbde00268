package io.relais.feed.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline entries of a batch of posts, gathered per owner so that the store sees one write per
 * bucket however many posts of the batch land in it.
 */
public final class TimelineWrites {

    private final Map<String, List<TimelineEntry>> sources = new LinkedHashMap<>();
    private final Map<String, List<TimelineEntry>> homes = new LinkedHashMap<>();
    private int entries;

    public void toSources(Collection<String> sourceIris, TimelineEntry entry) {
        sourceIris.forEach(s -> add(sources, s, entry));
    }

    public void toHome(String person, TimelineEntry entry) {
        add(homes, person, entry);
    }

    public boolean isEmpty() {
        return entries == 0;
    }

    /** Entries gathered so far (one per post and timeline). */
    public int size() {
        return entries;
    }

    Map<String, List<TimelineEntry>> sources() {
        return sources;
    }

    Map<String, List<TimelineEntry>> homes() {
        return homes;
    }

    private void add(Map<String, List<TimelineEntry>> into, String owner, TimelineEntry entry) {
        into.computeIfAbsent(owner, o -> new ArrayList<>()).add(entry);
        entries++;
    }
}
