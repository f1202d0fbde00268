package io.relais.feed.post;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.attachment.AttachmentService;
import io.relais.feed.community.Community;
import io.relais.feed.linkpreview.LinkPreviewed;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.profile.KnownPeople;
import io.relais.feed.sanitize.WrittenText;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.thread.ThreadOutbox;
import io.relais.feed.threadview.PostThread;
import io.relais.feed.threadview.PostView;
import io.relais.feed.threadview.PostViews;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.feed.keyword.ContentHeld;
import io.relais.feed.keyword.KeywordRule;
import io.relais.feed.keyword.KeywordRules;
import io.relais.feed.thread.ModerationMark;
import io.relais.events.RelaisExtension;
import jakarta.enterprise.event.Event;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts and announcements: writing them (each change goes to the outbox as Create, Update or Delete, its
 * record written with the post and then appended: {@link ThreadOutbox}) and pinning them in a community. Who may see or act comes from {@link ThreadAccess}; what readers get is
 * assembled by {@link PostViews}.
 */
@ApplicationScoped
public class PostService {

    static final int MAX_PINS = 10;

    @Inject
    PostStore store;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    @Inject
    TextPipeline pipeline;

    @Inject
    KnownPeople knownPeople;

    @Inject
    InputLimits limits;

    @Inject
    AttachmentService attachments;

    @Inject
    ThreadAccess access;

    @Inject
    PostViews views;

    @Inject
    Outbox outbox;

    @Inject
    ThreadOutbox announcements;

    @Inject
    KeywordRules keywordRules;

    @Inject
    Event<ContentHeld> held;

    @Inject
    CommunityPins pins;

    public PostView create(PostRequests.CreatePost request, CurrentPerson me) {
        WrittenText text = written(request.content(), limits.postLength());
        List<String> to;
        List<String> cc;
        String communityIri = null;
        if (request.audience() != null) {
            // a given audience is a community or a refusal, never the organisation (validation refuses it first)
            if (request.audience().community() == null) {
                throw ProblemException.invalid("audience.community", PostRequests.Audience.REQUIRED);
            }
            Viewer viewer = memberships.viewerOf(me);
            Community c = communities.find(Iri.community(request.audience().community()))
                    .filter(x -> x.visibleTo(viewer))
                    .orElseThrow(() -> ProblemException.invalid("audience.community", "must be a community you belong to"));
            if (!viewer.communities().contains(c.iri())) {
                throw ProblemException.forbidden("only members post in " + c.slug());
            }
            c.requireWritable();
            to = c.postTo();
            cc = c.postCc();
            communityIri = c.iri();
        } else {
            if (!me.isInternal()) throw ProblemException.forbidden("only employees post to the whole organisation");
            to = List.of(Audience.ORGANISATION);
            cc = List.of();
        }
        return insert(text, to, cc, communityIri, request.attachments(), Post.KIND_POST, null, me);
    }

    /** An organisation-wide post marked as an announcement (the caller checks the role). */
    public PostView createAnnouncement(PostRequests.CreateAnnouncement request, Instant expires, CurrentPerson me) {
        WrittenText text = written(request.content(), limits.postLength());
        return insert(text, List.of(Audience.ORGANISATION), List.of(), null, request.attachments(), Post.KIND_ANNOUNCEMENT,
                expires, me);
    }

    private PostView insert(WrittenText text, List<String> to, List<String> cc, String communityIri,
                            List<String> attachmentIds, String kind, Instant expires, CurrentPerson me) {
        Optional<KeywordRule> hold = keywordRules.screen("content", text);
        String iri = Iri.post(EventId.next());
        List<String> ids = attachmentIds == null ? List.of() : attachmentIds;
        if (ids.size() > limits.attachmentsPerPost()) {
            throw ProblemException.invalid("attachments", "must hold at most " + limits.attachmentsPerPost() + " attachments");
        }
        List<Post.Attachment> files = attachments.claim(ids, me.iri(), iri);
        Instant now = Instant.now();
        Post post = new Post(iri, As2.NOTE, kind, me.iri(), text.html(), text.source(), to, cc, communityIri,
                text.mentionIris(), text.hashtagIris(), files, null, Map.of(), 0, 0, false, now, null, expires,
                false, null, null, hold.map(r -> ModerationMark.hidden(heldReason(r), null, now)).orElse(null));
        OutboxRecord created = announcements.record(Activity.builder().type(As2.CREATE).actor(me.iri())
                .object(asObject(post)).to(to).cc(cc).published(now).build());
        store.insert(post, created);
        announcements.announcePost(iri, created);
        hold.ifPresent(r -> held.fire(new ContentHeld(iri, r)));
        return views.views(List.of(iri), Viewer.employee(me.iri(), communityIri == null ? Set.of() : Set.of(communityIri))).get(0);
    }

    public PostView edit(String id, PostRequests.EditPost request, CurrentPerson me) {
        Post post = access.visiblePost(ThreadAccess.postIri(id), memberships.viewerOf(me));
        if (!ThreadAccess.mayEdit(post, me)) {
            throw ProblemException.forbidden("only the author edits a post");
        }
        access.requireWritable(post.community());
        WrittenText text = written(request.content(), limits.postLength());
        Optional<KeywordRule> hold = keywordRules.screen("content", text);
        Instant now = Instant.now();
        ModerationMark mark = hold.map(r -> ModerationMark.hidden(heldReason(r), null, now)).orElse(post.moderation());
        OutboxRecord updated = announcements.record(Activity.builder().type(As2.UPDATE).actor(me.iri())
                .object(asObject(edited(post, text, now, mark))).to(post.to()).cc(post.cc()).published(now).build());
        Post after = store.edit(post.iri(), text, now, updated);
        if (hold.isPresent()) after = store.moderate(post.iri(), mark);
        announcements.announcePost(after.iri(), updated);
        hold.ifPresent(r -> held.fire(new ContentHeld(post.iri(), r)));
        return views.view(after.iri(), memberships.viewerOf(me)).orElseThrow();
    }

    /**
     * The author, owners and moderators of its community, and admins (who can see it) delete. The author may even
     * when they are no longer in its audience ({@link ThreadAccess#removablePost}).
     */
    public void delete(String id, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Post post = access.removablePost(ThreadAccess.postIri(id), viewer);
        if (!access.mayModerate(post, me)) throw ProblemException.forbidden("only the author, the community's owners and moderators, community managers or admins delete a post");
        tombstone(post, me.iri(), null);
    }

    /**
     * Deletes a post the caller was allowed to delete (its author, a moderator, retention, an erasure): empties it,
     * publishes a Delete with a Tombstone and takes it out of its community's pins; {@code relais} is the activity's
     * extension (a moderator's decision), or null.
     */
    public void tombstone(Post post, String actorIri, Map<String, Object> relais) {
        Instant now = Instant.now();
        AsObject tombstone = AsObject.builder().id(post.iri()).type(As2.TOMBSTONE)
                .formerType(post.type()).deleted(now).build();
        OutboxRecord deleted = announcements.record(Activity.builder().type(As2.DELETE).actor(actorIri).object(tombstone)
                .to(post.to()).cc(post.cc()).published(now).relais(relais).build());
        store.markDeleted(post.iri(), actorIri, now, deleted);
        announcements.announcePost(post.iri(), deleted);
        // a deleted post leaves its community's pins, so the community never lists nor counts it (one keyed update,
        // matching nothing when it was not pinned)
        if (post.community() != null) communities.unpinGone(post.community(), List.of(post.iri()));
    }

    /** The reason a keyword rule's hold gives, shown to the author and in the queue. */
    static String heldReason(KeywordRule rule) {
        return "held for review by the organisation keyword rule " + rule.label();
    }

    /**
     * Owners pin a post of their community they can read, at most {@link #MAX_PINS} standing ones ({@link CommunityPins}:
     * pins of deleted posts do not count; 409 beyond), or unpin it. An IRI the community's pins hold is unpinned whatever
     * became of its post (deleted, hidden by a moderator): no community is left with pins it cannot take down. 403 for
     * others than owners; 404 for an unknown community, or a post they cannot read or not in it; 409 while the community
     * is archived ({@link Community#requireWritable}: its pins are frozen with it; a delete still takes a post out).
     */
    public void pin(String slug, String postId, boolean pinned, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Community c = communities.find(Iri.community(slug)).filter(x -> x.visibleTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("community " + slug));
        if (memberships.roleIn(me.iri(), c.iri()).orElse(null) != Role.OWNER) {
            throw ProblemException.forbidden("only owners of " + slug + " pin posts");
        }
        c.requireWritable(); // an archived community's pins are frozen with it (deletes still take posts out)
        String iri = ThreadAccess.postIri(postId);
        if (!pinned && c.pins().contains(iri)) {
            Optional<Post> standing = store.find(iri).filter(p -> !p.deleted());
            // a deleted post's Delete already told everyone: only the list is left to mend
            if (standing.isEmpty()) communities.unpinGone(c.iri(), List.of(iri));
            else announcePin(c, standing.get(), false, me);
            return;
        }
        Post post = access.visiblePost(iri, viewer);
        if (!c.iri().equals(post.community())) throw ProblemException.notFound("post " + postId + " in " + slug);
        if (pinned && !c.pins().contains(post.iri())) {
            List<String> gone = pins.gone(c);
            communities.unpinGone(c.iri(), gone); // a list stuck with deleted posts mends as it is used
            if (c.pins().size() - gone.size() >= MAX_PINS) {
                throw ProblemException.conflict("a community pins at most " + MAX_PINS + " posts");
            }
        }
        announcePin(c, post, pinned, me);
    }

    private void announcePin(Community c, Post post, boolean pinned, CurrentPerson me) {
        // the post with its Add or Remove mark in one write, then the community's pin list (idempotent: the
        // re-publication of a mark left by a crash writes it again from the post), then the append (issue 16)
        OutboxRecord announce = announcements.record(Activity.builder().type(pinned ? As2.ADD : As2.REMOVE).actor(me.iri())
                .object(AsObject.ref(post.iri())).target(c.iri()).to(c.postTo()).cc(c.postCc())
                .relais(Map.of("pinned", pinned)).build());
        store.setPinned(post.iri(), pinned, announce);
        communities.pin(c.iri(), post.iri(), pinned);
        announcements.announcePost(post.iri(), announce);
    }

    /** The post (local id or IRI) with one page of its thread, for this person; see {@link PostViews#thread}. */
    public PostThread thread(String id, String cursor, Integer limit, CurrentPerson me) {
        return views.thread(id, cursor, limit, memberships.viewerOf(me), me);
    }

    /** The post as an edit leaves it (the Update is built before the write that carries it). */
    private static Post edited(Post p, WrittenText text, Instant at, ModerationMark mark) {
        return new Post(p.iri(), p.type(), p.kind(), p.author(), text.html(), text.source(), p.to(), p.cc(), p.community(),
                text.mentionIris(), text.hashtagIris(), p.attachments(), p.card(), p.reactions(), p.commentCount(),
                p.commentsAppended(), p.pinned(), p.created(), at, p.expires(), p.deleted(), p.deletedAt(), p.deletedBy(), mark);
    }

    /**
     * Announces a post's new (or removed) link preview as an Update of the post, the preview in the object's
     * {@code relais.preview} ({url, title, site}), so search-service and other readers follow. The actor is the
     * author: the preview describes what they wrote.
     */
    void onLinkPreviewed(@Observes LinkPreviewed event) {
        store.find(event.postIri()).filter(p -> !p.deleted() && !p.isCard()).ifPresent(p -> {
            AsObject object = asObject(p);
            Map<String, Object> ext = new LinkedHashMap<>(object.relais() == null ? Map.of() : object.relais());
            if (event.preview() != null) ext.put("preview", event.preview().toMap());
            outbox.append(Activity.builder().type(As2.UPDATE).actor(p.author()).object(object.toBuilder().relais(ext).build())
                    .to(p.to()).cc(p.cc()).published(Instant.now()).build());
        });
    }

    /** The AS2 object of a stored post, as published in Create and Update (with its moderation state, if any). */
    public static AsObject asObject(Post post) {
        List<io.relais.events.Tag> tags = new ArrayList<>();
        post.mentions().forEach(m -> tags.add(io.relais.events.Tag.mention(m, Iri.localId(m))));
        post.hashtags().forEach(h -> tags.add(io.relais.events.Tag.hashtag(Iri.localId(h))));
        List<AsObject> files = post.attachments().stream().map(a -> AsObject.builder()
                .id(Iri.of("attachment", a.id())).type(a.mediaType().startsWith("image/") ? As2.IMAGE : As2.DOCUMENT)
                .name(a.name()).mediaType(a.mediaType()).size(a.size()).url(a.url()).build()).toList();
        AsObject.Builder b = AsObject.builder().id(post.iri()).type(post.type())
                .attributedTo(post.author()).content(post.content()).tag(tags).attachment(files)
                .to(post.to()).cc(post.cc()).published(post.created()).updated(post.edited());
        Map<String, Object> ext = new LinkedHashMap<>();
        if (post.community() != null) ext.put("community", post.community());
        if (post.announcement()) {
            ext.put("announcement", post.expires() == null ? Map.of() : Map.of("expires", post.expires().toString()));
        }
        if (post.moderation() != null) {
            ext.put(RelaisExtension.MODERATION, RelaisExtension.Moderation.state(post.moderation().isHidden(), post.moderation().reason()).toMap());
        }
        if (!ext.isEmpty()) b.relais(ext);
        return b.build();
    }

    /** The text through the pipeline and its limits, mentioning only people feed-service's directory knows. */
    private WrittenText written(String content, int maxLength) {
        WrittenText text = WrittenText.of(content, maxLength, limits, pipeline, "content");
        return text.mentioningOnly(knownPeople.knownAmong(text.mentionIris()));
    }
}
