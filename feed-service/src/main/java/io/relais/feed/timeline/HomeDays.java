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
 * come from the replica's hot timelines ({@link TimelineCache#homeBuckets}), which add what the fan-out pushes as this
 * replica hears of the posts, by the fan-out's own rule ({@link FanOut#homeRecipient}). A day opened for an older card
 * is seen once the cached list expires ({@code feed.read-cache.ttl}) or the person acts.
 */
final class HomeDays implements TimelineCache {

    private final KeyedCache<List<Long>> days;
    private final TimelineCache homes;

    /** @param homes holds the day buckets themselves, if it does ({@link TimelineCache#homeBuckets}) */
    HomeDays(ReadCaches caches, TimelineCache homes) {
        this.days = caches.named("home-days", caches.maxPeople());
        this.homes = homes;
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
        return homes.homeBuckets(bucketIds, store);
    }
}
