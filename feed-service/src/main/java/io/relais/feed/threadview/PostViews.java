package io.relais.feed.threadview;

import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.relais.feed.thread.StoredFields.counts;
import static io.relais.feed.thread.StoredFields.instant;
import static io.relais.feed.thread.StoredFields.number;
import static io.relais.feed.thread.StoredFields.strings;

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

    /** A post (local id or IRI, as in a path) with one page of its thread; 404 if the viewer may not see it. */
    public PostThread thread(String id, String cursor, Integer limit, Viewer viewer) {
        int size = pageSize(limit);
        PostView post = view(ThreadAccess.postIri(id), viewer).orElseThrow(() -> ProblemException.notFound("post " + id));
        CommentViews.Page page = comments.page(post.id(), cursor, size, viewer);
        return new PostThread(post, page.comments(), page.next());
    }

    /** The page size asked for (default 20), or a 400 naming {@code limit} outside 1..{@code feed.limits.page-size}. */
    public int pageSize(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > limits.pageSize()) throw ProblemException.invalid("limit", "must be between 1 and " + limits.pageSize());
        return size;
    }

    /** Only the posts the viewer may see, in the given order, hydrated; deleted ones are left out. */
    public List<PostView> views(List<String> postIris, Viewer viewer) {
        if (postIris.isEmpty()) return List.of();
        Map<String, Document> docs = store.findAll(new LinkedHashSet<>(postIris));
        List<Document> visible = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String iri : postIris) {
            Document d = docs.get(iri);
            if (d != null && seen.add(iri) && ThreadAccess.visible(d, viewer)) visible.add(d);
        }
        if (visible.isEmpty()) return List.of();
        Set<String> people = new LinkedHashSet<>();
        Set<String> communityIris = new LinkedHashSet<>();
        for (Document d : visible) {
            if (d.getString("author") != null) people.add(d.getString("author"));
            if (d.getString("community") != null) communityIris.add(d.getString("community"));
        }
        Map<String, PersonSummary> authors = profiles.displaysOf(people);
        Map<String, Community> communityByIri = new LinkedHashMap<>();
        communities.findAll(communityIris).forEach(c -> communityByIri.put(c.iri(), c));
        List<String> ids = visible.stream().map(d -> d.getString("_id")).toList();
        Map<String, String> mine = reactions.myReactions(ids, viewer.person());
        Map<String, List<CommentView>> first = comments.firstComments(visible, viewer);
        List<PostView> out = new ArrayList<>();
        for (Document d : visible) {
            String iri = d.getString("_id");
            Community c = communityByIri.get(d.getString("community"));
            PostView.CommunityRef ref = c == null ? null : new PostView.CommunityRef(c.iri(), c.slug(), c.name());
            List<String> audience = new ArrayList<>(strings(d, "to"));
            audience.addAll(strings(d, "cc"));
            out.add(new PostView(iri, d.getString("type"), d.getString("kind"), author(d, authors),
                    d.getString("content"), d.getString("source"), audience, ref, strings(d, "mentions"), strings(d, "hashtags"),
                    attachmentRefs(d), card(d), counts(d), mine.get(iri), number(d, "commentCount"),
                    first.getOrDefault(iri, List.of()), d.getBoolean("pinned", false), instant(d, "expires"),
                    instant(d, "created"), instant(d, "edited")));
        }
        return out;
    }

    /** One post hydrated for the viewer; empty if hidden, deleted or unknown. */
    public Optional<PostView> view(String postIri, Viewer viewer) {
        List<PostView> one = views(List.of(postIri), viewer);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** The attachments a stored post lists, as the API shows them. */
    public static List<PostView.AttachmentRef> attachmentRefs(Document d) {
        return d.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new PostView.AttachmentRef(a.getString("id"), a.getString("name"), a.getString("mediaType"),
                        number(a, "size"), a.getString("url"))).toList();
    }

    private PersonSummary author(Document d, Map<String, PersonSummary> authors) {
        String author = d.getString("author");
        if (author != null) {
            // not getOrDefault: its default argument would be a store read for every post, found or not
            PersonSummary known = authors.get(author);
            return known != null ? known : profiles.displayOf(author);
        }
        Document card = d.get("card", Document.class);
        if (card != null) {
            String system = card.getString("systemName") != null ? card.getString("systemName") : card.getString("system");
            return new PersonSummary(card.getString("generator"), null, system, null, null);
        }
        return null;
    }

    private static PostView.Card card(Document d) {
        Document c = d.get("card", Document.class);
        if (c == null) return null;
        return new PostView.Card(c.getString("source"), c.getString("system"), c.getString("systemName"),
                c.getString("eventType"), stringMap(c.get("title", Document.class)), stringMap(c.get("summary", Document.class)),
                c.getString("url"), c.get("data", Document.class) == null ? Map.of() : new LinkedHashMap<>(c.get("data", Document.class)));
    }

    private static Map<String, String> stringMap(Document d) {
        Map<String, String> out = new LinkedHashMap<>();
        if (d != null) d.forEach((k, v) -> { if (v != null) out.put(k, v.toString()); });
        return out;
    }
}
