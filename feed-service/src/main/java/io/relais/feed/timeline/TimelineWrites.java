package io.relais.feed.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline entries of a batch of posts, gathered per owner so that the store sees one write per
 * bucket however many posts of the batch land in it.
 */
public final class TimelineWrites {

    private final Map<String, List<TimelineEntry>> sources = new LinkedHashMap<>();
    private final Map<String, List<TimelineEntry>> homes = new LinkedHashMap<>();
    private final Set<String> firstFanOuts;
    private int entries;

    /** Writes whose entries may already be in their buckets (each is checked before it is pushed). */
    public TimelineWrites() {
        this(Set.of());
    }

    /**
     * @param firstFanOuts posts whose fan-out has never begun ({@link ContentIndex#markBegun}): no bucket holds them,
     *                     so their entries are pushed without reading the buckets first
     */
    public TimelineWrites(Set<String> firstFanOuts) {
        this.firstFanOuts = firstFanOuts;
    }

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

    Set<String> firstFanOuts() {
        return firstFanOuts;
    }

    private void add(Map<String, List<TimelineEntry>> into, String owner, TimelineEntry entry) {
        into.computeIfAbsent(owner, o -> new ArrayList<>()).add(entry);
        entries++;
    }
}
