package io.relais.feed.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A read-through cache in front of the source timelines (organisation, communities, people, hashtags), which
 * every reader of this replica shares. The store stays the truth: the cache may only answer what the store
 * answered or what the activities topic announced since; readers apply the audience rule and hydration
 * (which leaves out deleted and hidden items) after it, so a stale entry can never show what a reader may
 * not see. Implemented by {@code io.relais.feed.hottimeline.HotTimelines}.
 */
public interface TimelineCache {

    /**
     * Non-empty days of each owner, newest first, as {@link TimelineBuckets#days} answers them.
     *
     * @param owners source IRIs
     * @param store  reads the owners the cache does not hold, in one call (absent = no timeline)
     */
    Map<String, List<Long>> days(Collection<String> owners, Function<Collection<String>, Map<String, List<Long>>> store);

    /**
     * Entries of each bucket ({@code "<owner>|<epoch day>"}), newest first; a bucket the store does not
     * hold is an empty list.
     *
     * @param store reads the buckets the cache does not hold, in one call (absent = empty bucket)
     */
    Map<String, List<TimelineEntry>> buckets(Collection<String> bucketIds,
                                             Function<Collection<String>, Map<String, List<TimelineEntry>>> store);

    /** No cache: every read goes to the store. */
    TimelineCache NONE = new TimelineCache() {
        @Override
        public Map<String, List<Long>> days(Collection<String> owners,
                                            Function<Collection<String>, Map<String, List<Long>>> store) {
            return store.apply(owners);
        }

        @Override
        public Map<String, List<TimelineEntry>> buckets(Collection<String> bucketIds,
                                                        Function<Collection<String>, Map<String, List<TimelineEntry>>> store) {
            return store.apply(bucketIds);
        }
    };
}
