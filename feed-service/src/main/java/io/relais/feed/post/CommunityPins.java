package io.relais.feed.post;

import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.PinnedPosts;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a community's stored pins still mean. A delete takes its post out of the pins ({@link PostService#tombstone}),
 * but a list written before that rule, or cut by a crash between the two writes, may still name deleted posts: readers
 * are shown only the pins the thread read rule lets them read ({@link ThreadAccess#visible}), and the cap of
 * {@link PostService#MAX_PINS} counts only the pins whose post still stands (a hidden one does: a moderator may restore it).
 */
@ApplicationScoped
public class CommunityPins implements PinnedPosts {

    @Inject
    PostStore posts;

    @Override
    public Set<String> readableAmong(Collection<String> pins, Viewer viewer) {
        Set<String> readable = new HashSet<>();
        if (pins.isEmpty()) return readable;
        posts.findAll(Set.copyOf(pins)).values().forEach(p -> {
            if (ThreadAccess.visible(p, viewer)) readable.add(p.iri());
        });
        return readable;
    }

    /** The community's pins whose post was deleted (or is unknown), in one keyed read: they no longer count. */
    List<String> gone(Community c) {
        if (c.pins().isEmpty()) return List.of();
        Map<String, Post> stored = posts.findAll(c.pins());
        return c.pins().stream().filter(iri -> !stored.containsKey(iri) || stored.get(iri).deleted()).toList();
    }
}
