package io.relais.feed.threadview;

import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.paging.OpaqueCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comments as readers get them: pages of a thread (oldest first, opaque position cursor), the first
 * comments under each feed card, each hydrated with its author and the viewer's own reaction. Callers
 * have checked that the viewer may see the root post.
 */
@ApplicationScoped
public class CommentViews {

    static final int FIRST_COMMENTS = 2;

    /** A thread page's cursor: the position of the last comment served, oldest first. */
    private static final String COMMENT_CURSOR = "c1";

    @Inject
    PostStore postStore;

    @Inject
    CommentStore comments;

    @Inject
    ReactionStore reactions;

    @Inject
    ProfileDirectory profiles;

    @Inject
    ThreadAccess access;

    @Inject
    HydrationReads reads;

    /** One page of comments and the cursor of the next ({@code null} at the end). */
    public record Page(List<CommentView> comments, String next) {
    }

    /**
     * One page of a thread the caller has checked the viewer may see, each comment saying what {@code me} may do
     * to it. Cursor = next position, opaque.
     */
    public Page page(String rootIri, String cursor, int limit, Viewer viewer, CurrentPerson me) {
        long from = decode(cursor);
        long total = postStore.find(rootIri).orElseThrow().commentsAppended();
        long to = Math.min(total, from + limit);
        if (from >= to) return new Page(List.of(), null);
        List<Comment> page = comments.load(comments.idsAt(rootIri, from, to));
        return new Page(views(page, viewer, me), to < total ? encode(to) : null);
    }

    /**
     * The stored comments as the viewer gets them, each with what {@code me} may do to it ({@link Can}); the
     * community role is read once per thread, not once per comment.
     */
    public List<CommentView> views(List<Comment> stored, Viewer viewer, CurrentPerson me) {
        Map<String, Boolean> moderatesIn = new HashMap<>();
        Map<String, Comment> byIri = new HashMap<>();
        Set<String> communityIris = new LinkedHashSet<>();
        stored.forEach(c -> {
            byIri.put(c.iri(), c);
            if (c.community() != null) communityIris.add(c.community());
        });
        Map<String, Community> communities = reads.communities(communityIris);
        return views(stored, viewer).stream().map(v -> {
            Comment c = byIri.get(v.id());
            boolean moderates = moderatesIn.computeIfAbsent(String.valueOf(c.community()), k -> access.moderates(c.community(), me));
            Community where = c.community() == null ? null : communities.get(c.community());
            return v.with(Can.of(me.iri().equals(c.author()), ThreadAccess.mayEdit(c, me),
                    ThreadAccess.mayRemove(c.author(), () -> moderates, me), moderates, where == null || !where.archived()));
        }).toList();
    }

    /**
     * The first comments of each post, for feed cards: through this replica's caches ({@link HydrationReads}), else
     * one read of first buckets and one of comments; what the viewer may not see is left out on every call.
     */
    public Map<String, List<CommentView>> firstComments(List<Post> posts, Viewer viewer) {
        Map<String, List<CommentView>> out = new HashMap<>();
        // a few spares in case early ones were deleted
        Map<String, List<Comment>> first = reads.firstComments(posts, FIRST_COMMENTS + 3);
        if (first.isEmpty()) return out;
        List<Comment> all = new ArrayList<>();
        for (Post p : posts) all.addAll(first.getOrDefault(p.iri(), List.of()));
        for (CommentView v : views(all, viewer)) {
            List<CommentView> list = out.computeIfAbsent(v.post(), k -> new ArrayList<>());
            if (list.size() < FIRST_COMMENTS) list.add(v);
        }
        return out;
    }

    /** The stored comments as the viewer gets them, in the given order. */
    public List<CommentView> views(List<Comment> stored, Viewer viewer) {
        if (stored.isEmpty()) return List.of();
        Set<String> authors = new LinkedHashSet<>();
        stored.forEach(c -> authors.add(c.author()));
        Map<String, PersonSummary> people = reads.people(authors);
        Map<String, Instant> created = new LinkedHashMap<>();
        stored.forEach(c -> created.put(c.iri(), c.created()));
        Map<String, String> mine = reads.myReactions(created, viewer.person());
        return stored.stream().filter(c -> !c.hiddenFrom(viewer.person()))
                .map(c -> new CommentView(c.iri(), c.post(), c.inReplyTo(), people.get(c.author()),
                c.content(), c.source(), c.mentions(), c.hashtags(), c.reactions(), mine.get(c.iri()),
                c.created(), c.edited(), PostView.Hidden.of(c.moderation(), c.author(), viewer.person()), null)).toList();
    }

    private static String encode(long position) {
        return OpaqueCursor.encode(COMMENT_CURSOR, position);
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        String[] fields = OpaqueCursor.decode(cursor, COMMENT_CURSOR, 1);
        try {
            long p = fields == null ? -1 : Long.parseLong(fields[0]);
            if (p >= 0) return p;
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor this API returned");
    }
}
