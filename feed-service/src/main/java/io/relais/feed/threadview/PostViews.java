package io.relais.feed.threadview;

import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.linkpreview.LinkPreview;
import io.relais.feed.linkpreview.LinkPreviewStore;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts and cards as readers get them, hydrated for one viewer (author, community, counters, the viewer's
 * reaction, first comments) with few keyed reads per page. Every read applies {@link ThreadAccess#visible}
 * again, so a hidden or deleted post is simply left out.
 */
@ApplicationScoped
public class PostViews {

    @Inject
    PostStore store;

    @Inject
    CommunityStore communities;

    @Inject
    ProfileDirectory profiles;

    @Inject
    ReactionStore reactions;

    @Inject
    CommentViews comments;

    @Inject
    InputLimits limits;

    @Inject
    ThreadAccess access;

    @Inject
    LinkPreviewStore linkPreviews;

    @Inject
    HydrationReads reads;

    /**
     * A post (local id or IRI, as in a path) with one page of its thread, the post and each comment saying what
     * {@code me} may do to it ({@link Can}); 404 if the viewer may not see it.
     */
    public PostThread thread(String id, String cursor, Integer limit, Viewer viewer, CurrentPerson me) {
        int size = pageSize(limit);
        String iri = ThreadAccess.postIri(id);
        PostView post = view(iri, viewer).orElseThrow(() -> ProblemException.notFound("post " + id));
        Post stored = store.find(iri).orElseThrow(() -> ProblemException.notFound("post " + id));
        boolean moderates = access.moderates(stored.community(), me);
        boolean writable = post.community() == null || !post.community().archived();
        // the moderation rule's author of a card is the person it names (ModeratedItem), not its writer
        Can can = Can.of(me.iri().equals(stored.author()), ThreadAccess.mayEdit(stored, me), access.mayModerate(stored, me),
                moderates, writable);
        CommentViews.Page page = comments.page(post.id(), cursor, size, viewer, me);
        return new PostThread(post.with(can), page.comments(), page.next());
    }

    /** The page size asked for (default 20), or a 400 naming {@code limit} outside 1..{@code feed.limits.page-size}. */
    public int pageSize(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > limits.pageSize()) throw ProblemException.invalid("limit", "must be between 1 and " + limits.pageSize());
        return size;
    }

    /**
     * Only the posts the viewer may see, in the given order, hydrated; deleted ones are left out. The stored facts come
     * through this replica's caches ({@link HydrationReads}); who may see what is decided here, for this viewer, on
     * every call.
     */
    public List<PostView> views(List<String> postIris, Viewer viewer) {
        if (postIris.isEmpty()) return List.of();
        Map<String, Post> stored = reads.posts(new LinkedHashSet<>(postIris));
        List<Post> visible = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String iri : postIris) {
            Post p = stored.get(iri);
            if (p != null && seen.add(iri) && ThreadAccess.visible(p, viewer)) visible.add(p);
        }
        if (visible.isEmpty()) return List.of();
        Set<String> people = new LinkedHashSet<>();
        Set<String> communityIris = new LinkedHashSet<>();
        for (Post p : visible) {
            if (p.author() != null) people.add(p.author());
            if (p.community() != null) communityIris.add(p.community());
        }
        Map<String, PersonSummary> authors = reads.people(people);
        Map<String, Community> communityByIri = reads.communities(communityIris);
        Map<String, Instant> created = new LinkedHashMap<>();
        visible.forEach(p -> created.put(p.iri(), p.created()));
        Map<String, String> mine = reads.myReactions(created, viewer.person());
        Map<String, List<CommentView>> first = comments.firstComments(visible, viewer);
        Map<String, LinkPreview> previews = reads.previews(visible);
        List<PostView> out = new ArrayList<>();
        for (Post p : visible) {
            Community c = communityByIri.get(p.community());
            PostView.CommunityRef ref = c == null ? null : new PostView.CommunityRef(c.iri(), c.slug(), c.name(), c.archived());
            out.add(new PostView(p.iri(), p.type(), p.kind(), author(p, authors), p.content(), p.source(), p.audience(),
                    ref, p.mentions(), p.hashtags(), attachmentRefs(p), card(p), p.reactions(), mine.get(p.iri()),
                    p.commentCount(), first.getOrDefault(p.iri(), List.of()), p.pinned(), p.expires(), p.created(),
                    p.edited(), PostView.Hidden.of(p.moderation(), p.author(), viewer.person()), null, previews.get(p.iri())));
        }
        return out;
    }

    /** One post hydrated for the viewer; empty if hidden, deleted or unknown. */
    public Optional<PostView> view(String postIri, Viewer viewer) {
        List<PostView> one = views(List.of(postIri), viewer);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** The attachments a stored post lists, as the API shows them. */
    static List<PostView.AttachmentRef> attachmentRefs(Post p) {
        return p.attachments().stream()
                .map(a -> new PostView.AttachmentRef(a.id(), a.name(), a.mediaType(), a.size(), a.url())).toList();
    }

    private PersonSummary author(Post p, Map<String, PersonSummary> authors) {
        if (p.author() != null) {
            // not getOrDefault: its default argument would be a store read for every post, found or not
            PersonSummary known = authors.get(p.author());
            return known != null ? known : profiles.displayOf(p.author());
        }
        if (p.card() != null) {
            String system = p.card().systemName() != null ? p.card().systemName() : p.card().system();
            return new PersonSummary(p.card().generator(), null, system, null, null);
        }
        return null;
    }

    private static PostView.Card card(Post p) {
        Post.Card c = p.card();
        if (c == null) return null;
        return new PostView.Card(c.source(), c.system(), c.systemName(), c.eventType(), c.title(), c.summary(), c.url(),
                c.data(), c.attachments());
    }
}
