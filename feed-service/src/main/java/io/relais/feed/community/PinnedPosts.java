package io.relais.feed.community;

import io.relais.events.Viewer;

import java.util.Collection;
import java.util.Set;

/**
 * Which pinned posts a reader may still read. Implemented by the pin feature ({@code post.CommunityPins}), which sits
 * above this package, with the thread read rule: communities ask, posts answer. A community's stored pins may name
 * a post since hidden by a moderator, or deleted before deletes took posts out of the pins; no reader is shown those.
 */
public interface PinnedPosts {

    /**
     * The IRIs among {@code pins} whose post the viewer may read (not deleted, in its audience, not hidden from them),
     * in one keyed read of the posts whatever the number of communities they come from.
     */
    Set<String> readableAmong(Collection<String> pins, Viewer viewer);
}
