package io.relais.feed.threadview;

import io.relais.events.Iri;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.linkpreview.LinkPreview;
import io.relais.feed.linkpreview.LinkPreviewStore;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.readcache.KeyedCache;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What hydrating a page of posts reads from the store, through this replica's {@link ReadCaches}: the stored posts,
 * the first comments of their threads, their authors, communities and link previews, and the reader's own
 * reactions. Each value is a stored fact shared by every reader (never an answer trimmed for one viewer): the
 * callers apply {@code ThreadAccess} and the hidden-from rules per viewer on every read. A post or comment not found
 * is not remembered (a card's projection may write it a moment later).
 */
@ApplicationScoped
public class HydrationReads {

    /** Within this margin of a reader's reactions being known, a newer post's creation time is not trusted (clock skew). */
    private static final long CLOCK_MARGIN_MILLIS = 2_000;
    /** Most objects whose "my reaction" answer is kept per reader; beyond, the answers start again from this page. */
    private static final int MAX_KNOWN_REACTIONS = 2_000;

    @Inject
    ReadCaches caches;

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    ReactionStore reactions;

    @Inject
    ProfileDirectory profiles;

    @Inject
    CommunityStore communities;

    @Inject
    LinkPreviewStore previews;

    /**
     * A reader's known reactions: object IRI → kind, or "" for none. Every reaction or Undo of the reader is announced
     * with them as actor (and written by this replica's requests under their key), which drops this value; so an
     * object created after {@code since} that is not listed has no reaction of theirs.
     */
    record Mine(long since, Map<String, String> known) {
    }

    /** Stored posts and cards by IRI; unknown ones are absent. */
    Map<String, Post> posts(Collection<String> iris) {
        return this.<Post>cache("posts", caches.maxItems()).getAll(iris, posts::findAll);
    }

    /** Display summaries of people (unknown people show their login), by IRI. */
    Map<String, PersonSummary> people(Collection<String> iris) {
        if (iris.isEmpty()) return new HashMap<>();
        return this.<PersonSummary>cache("people", caches.maxItems()).getAll(iris, profiles::displaysOf);
    }

    /** Communities by IRI; unknown ones are absent. */
    Map<String, Community> communities(Collection<String> iris) {
        if (iris.isEmpty()) return new HashMap<>();
        return this.<Community>cache("communities", caches.maxItems()).getAll(iris, missing -> {
            Map<String, Community> out = new HashMap<>();
            communities.findAll(missing).forEach(c -> out.put(c.iri(), c));
            return out;
        });
    }

    /**
     * The link previews of these posts (those that have one). Only posts can have one, and only when their text holds
     * an http(s) link (the previewer's rule); a preview is written before the post's Update announcing it.
     */
    Map<String, LinkPreview> previews(List<Post> stored) {
        List<String> candidates = stored.stream()
                .filter(p -> Iri.isValid(p.iri()) && Iri.isKind(p.iri(), Iri.POST) && mayLink(p)).map(Post::iri).toList();
        Map<String, LinkPreview> out = new HashMap<>();
        if (candidates.isEmpty()) return out;
        this.<Optional<LinkPreview>>cache("previews", caches.maxItems()).getAll(candidates, missing -> {
            Map<String, LinkPreview> found = previews.findAll(missing);
            Map<String, Optional<LinkPreview>> all = new HashMap<>();
            missing.forEach(iri -> all.put(iri, Optional.ofNullable(found.get(iri))));
            return all;
        }).forEach((iri, p) -> p.ifPresent(v -> out.put(iri, v)));
        return out;
    }

    private static boolean mayLink(Post p) {
        String text = p.source() != null ? p.source() : p.content();
        return text != null && (text.contains("http://") || text.contains("https://")) ;
    }

    /**
     * The first comments (not deleted, in thread order) of each root post, at most {@code each} per post, for those
     * of these posts that have comments; the others are absent.
     */
    Map<String, List<Comment>> firstComments(List<Post> roots, int each) {
        List<String> withComments = roots.stream().filter(p -> p.commentCount() > 0).map(Post::iri).toList();
        if (withComments.isEmpty()) return new HashMap<>();
        return this.<List<Comment>>cache("first-comments", caches.maxItems()).getAll(withComments, missing -> {
            Map<String, List<Comment>> out = new HashMap<>();
            missing.forEach(root -> out.put(root, new ArrayList<>()));
            for (Comment c : comments.load(comments.firstIds(missing, each))) {
                List<Comment> list = out.get(c.post());
                if (list != null) list.add(c);
            }
            Map<String, List<Comment>> frozen = new HashMap<>();
            out.forEach((root, list) -> {
                list.forEach(c -> caches.alias(c.iri(), root)); // a change of the comment is a change of these
                frozen.put(root, List.copyOf(list));
            });
            return frozen;
        });
    }

    /**
     * The reader's own reaction kind to each of these posts or comments (absent: none), given when each was created
     * (null if unknown). Read from the store only for objects this replica does not know the answer of.
     */
    Map<String, String> myReactions(Map<String, Instant> createdByObject, String person) {
        Map<String, String> out = new HashMap<>();
        if (createdByObject.isEmpty() || person == null) return out;
        KeyedCache<Mine> cache = cache("reactions", caches.maxPeople());
        long started = cache.readStarts();
        Mine held = cache.peek(person);
        Mine base = held != null ? held : new Mine(System.currentTimeMillis(), Map.of());
        List<String> unknown = new ArrayList<>();
        createdByObject.forEach((object, created) -> {
            if (base.known().containsKey(object)) return;
            if (held != null && created != null && created.toEpochMilli() > base.since() + CLOCK_MARGIN_MILLIS) return;
            unknown.add(object);
        });
        Map<String, String> known = base.known();
        if (!unknown.isEmpty() || held == null) {
            Map<String, String> loaded = unknown.isEmpty() ? Map.of() : reactions.myReactions(unknown, person);
            Map<String, String> merged = new HashMap<>(base.known().size() + unknown.size() > MAX_KNOWN_REACTIONS
                    ? Map.of() : base.known());
            unknown.forEach(o -> merged.put(o, loaded.getOrDefault(o, "")));
            known = merged;
            cache.put(person, new Mine(base.since(), Map.copyOf(merged)), started);
        }
        for (String object : createdByObject.keySet()) {
            String kind = known.get(object);
            if (kind != null && !kind.isEmpty()) out.put(object, kind);
        }
        return out;
    }

    private <V> KeyedCache<V> cache(String name, long maxSize) {
        return caches.named(name, maxSize);
    }
}
