package io.relais.feed.post;

import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.AudienceRule;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.attachment.AttachmentService;
import io.relais.feed.comment.CommentService;
import io.relais.feed.comment.CommentView;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.reaction.ReactionService;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.sanitize.WrittenText;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts and business-event cards: writing them (each change goes to the outbox as Create, Update or
 * Delete), and reading them hydrated for a viewer. Every read applies {@link AudienceRule}.
 */
@ApplicationScoped
public class PostService {

    public static final String KIND_POST = "post";
    public static final String KIND_CARD = "card";
    public static final String KIND_ANNOUNCEMENT = "announcement";
    static final int MAX_PINS = 10;

    @Inject
    PostStore store;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    @Inject
    ProfileDirectory profiles;

    @Inject
    TextPipeline pipeline;

    @Inject
    InputLimits limits;

    @Inject
    AttachmentService attachments;

    @Inject
    CommentService comments;

    @Inject
    ReactionService reactions;

    @Inject
    Outbox outbox;

    public PostView create(PostRequests.CreatePost request, CurrentPerson me) {
        WrittenText text = WrittenText.of(request.content(), limits.postLength(), limits, pipeline, "content");
        List<String> to;
        List<String> cc;
        String communityIri = null;
        if (request.audience() != null && request.audience().community() != null) {
            Viewer viewer = memberships.viewerOf(me);
            Community c = communities.find(Iri.community(request.audience().community()))
                    .filter(x -> x.visibleTo(viewer))
                    .orElseThrow(() -> ProblemException.invalid("audience.community", "must be a community you belong to"));
            if (!viewer.communities().contains(c.iri())) {
                throw ProblemException.forbidden("only members post in " + c.slug());
            }
            if (c.archived()) throw ProblemException.conflict("community " + c.slug() + " is archived");
            to = c.postTo();
            cc = c.postCc();
            communityIri = c.iri();
        } else {
            if (!me.isInternal()) throw ProblemException.forbidden("only employees post to the whole organisation");
            to = List.of(Audience.ORGANISATION);
            cc = List.of();
        }
        return insert(text, to, cc, communityIri, request.attachments(), KIND_POST, null, me);
    }

    /** An organisation-wide post marked as an announcement (the caller checks the role). */
    public PostView createAnnouncement(PostRequests.CreateAnnouncement request, Instant expires, CurrentPerson me) {
        WrittenText text = WrittenText.of(request.content(), limits.postLength(), limits, pipeline, "content");
        return insert(text, List.of(Audience.ORGANISATION), List.of(), null, request.attachments(), KIND_ANNOUNCEMENT,
                expires, me);
    }

    private PostView insert(WrittenText text, List<String> to, List<String> cc, String communityIri,
                            List<String> attachmentIds, String kind, Instant expires, CurrentPerson me) {
        String iri = Iri.post(EventId.next());
        List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
        if (ids.size() > limits.attachmentsPerPost()) {
            throw ProblemException.invalid("attachments", "must hold at most " + limits.attachmentsPerPost() + " attachments");
        }
        List<PostView.AttachmentRef> files = attachments.claim(ids, me.iri(), iri);
        Instant now = Instant.now();
        Document d = new Document("_id", iri).append("type", As2.NOTE).append("kind", kind).append("author", me.iri())
                .append("content", text.html()).append("source", text.source()).append("to", to).append("cc", cc).append("community", communityIri)
                .append("mentions", text.mentionIris()).append("hashtags", text.hashtagIris())
                .append("attachments", files.stream().map(PostService::attachmentDocument).toList())
                .append("reactions", new Document()).append("commentCount", 0).append("commentsAppended", 0)
                .append("pinned", false).append("created", Date.from(now)).append("deleted", false);
        if (expires != null) d.append("expires", Date.from(expires));
        store.insert(d);
        outbox.append(Activity.builder().type(As2.CREATE).actor(me.iri()).object(asObject(d)).to(to).cc(cc)
                .published(now).build());
        return views(List.of(iri), Viewer.employee(me.iri(), communityIri == null ? Set.of() : Set.of(communityIri))).get(0);
    }

    public PostView edit(String id, PostRequests.EditPost request, CurrentPerson me) {
        Document d = visibleDocument(postIri(id), memberships.viewerOf(me));
        if (!me.iri().equals(d.getString("author")) || KIND_CARD.equals(d.getString("kind"))) {
            throw ProblemException.forbidden("only the author edits a post");
        }
        WrittenText text = WrittenText.of(request.content(), limits.postLength(), limits, pipeline, "content");
        Instant now = Instant.now();
        Document after = store.updateAndGet(d.getString("_id"), Updates.combine(Updates.set("content", text.html()),
                Updates.set("source", text.source()), Updates.set("mentions", text.mentionIris()), Updates.set("hashtags", text.hashtagIris()),
                Updates.set("edited", Date.from(now))));
        outbox.append(Activity.builder().type(As2.UPDATE).actor(me.iri()).object(asObject(after))
                .to(strings(after, "to")).cc(strings(after, "cc")).published(now).build());
        return view(after.getString("_id"), memberships.viewerOf(me)).orElseThrow();
    }

    /** The author, owners and moderators of its community, and admins (who can see it) delete. */
    public void delete(String id, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document d = visibleDocument(postIri(id), viewer);
        if (!mayModerate(d, me)) throw ProblemException.forbidden("only the author, community moderators or admins delete a post");
        Instant now = Instant.now();
        store.update(d.getString("_id"), Updates.combine(Updates.set("deleted", true), Updates.set("content", ""),
                Updates.set("source", ""),
                Updates.set("deletedAt", Date.from(now)), Updates.set("deletedBy", me.iri())));
        AsObject tombstone = AsObject.builder().id(d.getString("_id")).type(As2.TOMBSTONE)
                .formerType(d.getString("type")).deleted(now).build();
        outbox.append(Activity.builder().type(As2.DELETE).actor(me.iri()).object(tombstone)
                .to(strings(d, "to")).cc(strings(d, "cc")).published(now).build());
    }

    /** Whether this person may remove the item (post or comment) from a thread in this community. */
    public boolean mayModerate(Document item, CurrentPerson me) {
        if (me.iri().equals(item.getString("author")) || me.isAdmin()) return true;
        String community = item.getString("community");
        return community != null && memberships.roleIn(me.iri(), community).map(Role::moderates).orElse(false);
    }

    public void pin(String slug, String postId, boolean pinned, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Community c = communities.find(Iri.community(slug)).filter(x -> x.visibleTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("community " + slug));
        if (memberships.roleIn(me.iri(), c.iri()).orElse(null) != Role.OWNER) {
            throw ProblemException.forbidden("only owners of " + slug + " pin posts");
        }
        Document d = visibleDocument(postIri(postId), viewer);
        if (!c.iri().equals(d.getString("community"))) throw ProblemException.notFound("post " + postId + " in " + slug);
        if (pinned && !c.pins().contains(d.getString("_id")) && c.pins().size() >= MAX_PINS) {
            throw ProblemException.conflict("a community pins at most " + MAX_PINS + " posts");
        }
        store.update(d.getString("_id"), Updates.set("pinned", pinned));
        communities.pin(c.iri(), d.getString("_id"), pinned);
        outbox.append(Activity.builder().type(pinned ? As2.ADD : As2.REMOVE).actor(me.iri())
                .object(AsObject.ref(d.getString("_id"))).target(c.iri()).to(c.postTo()).cc(c.postCc())
                .relais(Map.of("pinned", pinned)).build());
    }

    public PostThread thread(String id, String cursor, Integer limit, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        int size = pageSize(limit);
        PostView post = view(postIri(id), viewer).orElseThrow(() -> ProblemException.notFound("post " + id));
        CommentService.Page page = comments.page(post.id(), cursor, size, viewer);
        return new PostThread(post, page.comments(), page.next());
    }

    public int pageSize(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > limits.pageSize()) throw ProblemException.invalid("limit", "must be between 1 and " + limits.pageSize());
        return size;
    }

    /** The stored post if the viewer may see it and it is not deleted; 404 otherwise, whatever the reason. */
    public Document visibleDocument(String postIri, Viewer viewer) {
        return store.find(postIri).filter(d -> visible(d, viewer))
                .orElseThrow(() -> ProblemException.notFound("post " + Iri.localId(postIri)));
    }

    public static boolean visible(Document d, Viewer viewer) {
        if (d.getBoolean("deleted", false)) return false;
        Set<String> audience = new LinkedHashSet<>(strings(d, "to"));
        audience.addAll(strings(d, "cc"));
        return AudienceRule.canSee(viewer, d.getString("author"), audience);
    }

    /** Only the posts the viewer may see, in the given order, hydrated; deleted ones are left out. */
    public List<PostView> views(List<String> postIris, Viewer viewer) {
        if (postIris.isEmpty()) return List.of();
        Map<String, Document> docs = store.findAll(new LinkedHashSet<>(postIris));
        List<Document> visible = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String iri : postIris) {
            Document d = docs.get(iri);
            if (d != null && seen.add(iri) && visible(d, viewer)) visible.add(d);
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

    public Optional<PostView> view(String postIri, Viewer viewer) {
        List<PostView> one = views(List.of(postIri), viewer);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** A post id from a path: its local id or its full IRI (cards are {@code urn:relais:event:…}). */
    public static String postIri(String idOrIri) {
        if (idOrIri != null && idOrIri.startsWith(Iri.PREFIX)) {
            if (Iri.isValid(idOrIri) && (Iri.isKind(idOrIri, Iri.POST) || Iri.isKind(idOrIri, Iri.BUSINESS_EVENT)
                    || Iri.isKind(idOrIri, Iri.DOCUMENT) || Iri.isKind(idOrIri, Iri.EXTERNAL))) {
                return idOrIri;
            }
            throw ProblemException.notFound("post " + idOrIri);
        }
        try {
            return Iri.post(idOrIri);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("post " + idOrIri);
        }
    }

    /** The AS2 object of a stored post, as published in Create and Update. */
    static AsObject asObject(Document d) {
        List<io.relais.events.Tag> tags = new ArrayList<>();
        strings(d, "mentions").forEach(m -> tags.add(io.relais.events.Tag.mention(m, Iri.localId(m))));
        strings(d, "hashtags").forEach(h -> tags.add(io.relais.events.Tag.hashtag(Iri.localId(h))));
        List<AsObject> files = attachmentRefs(d).stream().map(a -> AsObject.builder()
                .id(Iri.of("attachment", a.id())).type(a.mediaType().startsWith("image/") ? As2.IMAGE : As2.DOCUMENT)
                .name(a.name()).mediaType(a.mediaType()).size(a.size()).url(a.url()).build()).toList();
        AsObject.Builder b = AsObject.builder().id(d.getString("_id")).type(d.getString("type"))
                .attributedTo(d.getString("author")).content(d.getString("content")).tag(tags).attachment(files)
                .to(strings(d, "to")).cc(strings(d, "cc")).published(instant(d, "created")).updated(instant(d, "edited"));
        Map<String, Object> ext = new LinkedHashMap<>();
        if (d.getString("community") != null) ext.put("community", d.getString("community"));
        if (KIND_ANNOUNCEMENT.equals(d.getString("kind"))) {
            ext.put("announcement", instant(d, "expires") == null ? Map.of() : Map.of("expires", instant(d, "expires").toString()));
        }
        if (!ext.isEmpty()) b.relais(ext);
        return b.build();
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

    @SuppressWarnings("unchecked")
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

    static Document attachmentDocument(PostView.AttachmentRef a) {
        return new Document("id", a.id()).append("name", a.name()).append("mediaType", a.mediaType())
                .append("size", a.size()).append("url", a.url());
    }

    static List<PostView.AttachmentRef> attachmentRefs(Document d) {
        return d.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new PostView.AttachmentRef(a.getString("id"), a.getString("name"), a.getString("mediaType"),
                        number(a, "size"), a.getString("url"))).toList();
    }

    public static Map<String, Long> counts(Document d) {
        Map<String, Long> out = new LinkedHashMap<>();
        Document r = d.get("reactions", Document.class);
        if (r != null) r.forEach((k, v) -> { if (v instanceof Number n && n.longValue() > 0) out.put(k, n.longValue()); });
        return out;
    }

    public static List<String> strings(Document d, String field) {
        List<String> v = d.getList(field, String.class);
        return v == null ? List.of() : v;
    }

    public static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }

    public static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
