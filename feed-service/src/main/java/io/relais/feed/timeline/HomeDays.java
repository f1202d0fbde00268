package io.relais.feed.timeline;

import io.relais.feed.readcache.KeyedCache;
import io.relais.feed.readcache.ReadCaches;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The read side of the home timelines in front of the store: each person's list of days ({@code home_timeline_heads})
 * is kept in the replica's {@link ReadCaches} ("home-days"), always with today added, since the fan-out (on any
 * replica, unannounced) opens today's bucket when it pushes the first post of the day. The day buckets themselves
 * are read from the store on every read: who receives a pushed post is the fan-out's decision, which this replica
 * does not hear of, so the first step of a home read is the one store round trip a warm read keeps. A day opened for
 * an older card is seen once the cached list expires ({@code feed.read-cache.ttl}) or the person acts.
 */
final class HomeDays implements TimelineCache {

    private final KeyedCache<List<Long>> days;

    HomeDays(ReadCaches caches) {
        this.days = caches.named("home-days", caches.maxPeople());
    }

    @Override
    public Map<String, List<Long>> days(Collection<String> owners, Function<Collection<String>, Map<String, List<Long>>> store) {
        Map<String, List<Long>> held = days.getAll(owners, missing -> {
            Map<String, List<Long>> read = store.apply(missing);
            Map<String, List<Long>> all = new HashMap<>();
            for (String owner : missing) all.put(owner, List.copyOf(read.getOrDefault(owner, List.of())));
            return all;
        });
        long today = TimelineBuckets.day(System.currentTimeMillis());
        Map<String, List<Long>> out = new HashMap<>();
        for (String owner : owners) {
            List<Long> known = held.getOrDefault(owner, List.of());
            if (known.contains(today)) {
                out.put(owner, known);
                continue;
            }
            TreeSet<Long> all = new TreeSet<>(Comparator.reverseOrder());
            all.addAll(known);
            all.add(today);
            out.put(owner, new ArrayList<>(all));
        }
        return out;
    }

    @Override
    public Map<String, List<TimelineEntry>> buckets(Collection<String> bucketIds,
                                                    Function<Collection<String>, Map<String, List<TimelineEntry>>> store) {
        return store.apply(bucketIds);
    }
}
