package io.relais.feed.feedview;

import io.relais.events.AudienceRule;
import io.relais.events.Viewer;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.threadview.PostView;
import io.relais.feed.timeline.Cursor;
import io.relais.feed.timeline.TimelineEntry;
import io.relais.feed.timeline.TimelineScan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a timeline walk into hydrated items: trims by the audience rule where the entry carries its
 * audience, hydrates through {@link PostViews#views} (which applies the rule again and leaves out
 * deleted posts), and stops as soon as one item more than the page is known to exist.
 */
@ApplicationScoped
public class FeedReader {

    /** Extra entries hydrated per call, to absorb the ones the viewer turns out not to see. */
    private static final int SLACK = 5;

    @Inject
    PostViews posts;

    public record Hydrated(TimelineEntry entry, PostView post) {
    }

    public record Collected(List<Hydrated> items, boolean more) {
        public String nextCursor() {
            return more && !items.isEmpty() ? Cursor.after(items.get(items.size() - 1).entry()).encode() : null;
        }
    }

    /** Up to {@code want} visible items from the scan; {@code more} tells whether another exists. */
    public Collected collect(TimelineScan scan, Viewer viewer, int want, Set<String> exclude) {
        List<Hydrated> out = new ArrayList<>();
        while (out.size() <= want && scan.hasMore()) {
            List<TimelineEntry> batch = new ArrayList<>();
            for (TimelineEntry e : scan.next()) {
                if (exclude.contains(e.post())) continue;
                // a first filter on the entry alone (a card's owner passes it); ThreadAccess.visible decides below
                if (!e.audience().isEmpty() && !AudienceRule.canSee(viewer, e.author(), e.audience())) continue;
                batch.add(e);
            }
            int i = 0;
            while (i < batch.size() && out.size() <= want) {
                int n = Math.min(batch.size() - i, want + 1 - out.size() + SLACK);
                List<TimelineEntry> slice = batch.subList(i, i + n);
                Map<String, PostView> views = new HashMap<>();
                for (PostView v : posts.views(slice.stream().map(TimelineEntry::post).toList(), viewer)) {
                    views.put(v.id(), v);
                }
                for (TimelineEntry e : slice) {
                    PostView v = views.get(e.post());
                    if (v != null && out.size() <= want) out.add(new Hydrated(e, v));
                }
                i += n;
            }
        }
        boolean more = out.size() > want;
        return new Collected(more ? out.subList(0, want) : out, more);
    }
}
