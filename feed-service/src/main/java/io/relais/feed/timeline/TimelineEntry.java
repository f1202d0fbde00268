package io.relais.feed.timeline;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One post in one timeline: the post IRI, its time, its author, why it is there, and (in source
 * timelines, which mix audiences) the post's audience so readers can be trimmed before hydration.
 *
 * @param reasons why it reached this timeline: own, follows-author, member, follows-community,
 *                follows-hashtag, mentioned, addressed, organisation
 */
public record TimelineEntry(String post, long time, String author, Set<String> reasons, List<String> audience) {

    public TimelineEntry {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    public TimelineEntry withReasons(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(reasons);
        all.addAll(more);
        return new TimelineEntry(post, time, author, all, audience);
    }

    /** Newest first; equal times fall back on the post IRI so the order is total (cursors rely on it). */
    public boolean isBefore(Cursor cursor) {
        return cursor == null || time < cursor.time() || (time == cursor.time() && post.compareTo(cursor.post()) < 0);
    }

    public static int newestFirst(TimelineEntry a, TimelineEntry b) {
        int c = Long.compare(b.time, a.time);
        return c != 0 ? c : b.post.compareTo(a.post);
    }

    Document toDocument() {
        Document d = new Document("p", post).append("t", time).append("a", author).append("r", new ArrayList<>(reasons));
        if (!audience.isEmpty()) d.append("v", audience);
        return d;
    }

    static TimelineEntry of(Document d) {
        List<String> reasons = d.getList("r", String.class, List.of());
        return new TimelineEntry(d.getString("p"), d.getLong("t"), d.getString("a"), new LinkedHashSet<>(reasons),
                d.getList("v", String.class, List.of()));
    }
}
