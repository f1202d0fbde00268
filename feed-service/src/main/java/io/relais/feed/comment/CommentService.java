package io.relais.feed.comment;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.feed.profile.KnownPeople;
import io.relais.feed.sanitize.WrittenText;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.thread.ThreadOutbox;
import io.relais.feed.threadview.CommentView;
import io.relais.feed.threadview.CommentViews;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.feed.keyword.ContentHeld;
import io.relais.feed.keyword.KeywordRule;
import io.relais.feed.keyword.KeywordRules;
import io.relais.feed.thread.ModerationMark;
import io.relais.events.RelaisExtension;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments and replies: adding, editing and deleting them (each change goes to the outbox as Create,
 * Update or Delete, its record written with the comment and then appended: {@link ThreadOutbox}). A comment takes the audience of its root post and the next position in its thread
 * (see {@link CommentStore}); who may see or act comes from {@link ThreadAccess}.
 */
@ApplicationScoped
public class CommentService {

    @Inject
    CommentStore comments;

    @Inject
    PostStore postStore;

    @Inject
    ThreadAccess access;

    @Inject
    CommentViews views;

    @Inject
    MembershipService memberships;

    @Inject
    TextPipeline pipeline;

    @Inject
    KnownPeople knownPeople;

    @Inject
    InputLimits limits;

    @Inject
    ThreadOutbox announcements;

    @Inject
    KeywordRules keywordRules;

    @Inject
    Event<ContentHeld> held;

    /**
     * Adds a comment to a post the caller sees, or a reply to one of its comments. 404 for a post they may not see; 400
     * naming {@code inReplyTo} when the comment replied to is not one of this post's that they see by the thread's rule
     * ({@link ThreadAccess#visible(Comment, Post, Viewer)}): a deleted comment, or one moderation hid (only its author
     * still reads it, so only they answer it), is answered as one of another post.
     */
    public CommentView add(String postId, CommentRequests.AddComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Post root = access.visiblePost(ThreadAccess.postIri(postId), viewer);
        access.requireWritable(root.community());
        String parent = root.iri();
        if (request.inReplyTo() != null && !request.inReplyTo().isBlank()) {
            parent = comments.findComment(request.inReplyTo())
                    .filter(replied -> ThreadAccess.visible(replied, root, viewer))
                    .orElseThrow(() -> ProblemException.invalid("inReplyTo", "must be a comment of this post")).iri();
        }
        WrittenText text = written(request.content(), limits.commentLength());
        Optional<KeywordRule> hold = keywordRules.screen("content", text);
        String iri = Iri.comment(EventId.next());
        long position = postStore.appendComment(root.iri(), hold.isEmpty());
        Instant now = Instant.now();
        Comment c = new Comment(iri, root.iri(), parent, me.iri(), text.html(), text.source(), text.mentionIris(),
                text.hashtagIris(), root.to(), root.cc(), root.community(), Map.of(), position, now, null, false, null,
                hold.map(r -> ModerationMark.hidden(heldReason(r), null, now)).orElse(null));
        OutboxRecord created = announcements.record(Activity.builder().type(As2.CREATE).actor(me.iri()).object(asObject(c))
                .to(c.to()).cc(c.cc()).published(now).build());
        comments.insert(c, created);
        announcements.announceComment(iri, created);
        hold.ifPresent(r -> held.fire(new ContentHeld(iri, r)));
        return views.views(List.of(c), viewer, me).get(0);
    }

    public CommentView edit(String postId, String commentId, CommentRequests.EditComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Comment c = access.visibleComment(postId, commentId, viewer);
        if (!ThreadAccess.mayEdit(c, me)) throw ProblemException.forbidden("only the author edits a comment");
        access.requireWritable(c.community());
        WrittenText text = written(request.content(), limits.commentLength());
        Optional<KeywordRule> hold = keywordRules.screen("content", text);
        Instant now = Instant.now();
        ModerationMark mark = hold.map(r -> ModerationMark.hidden(heldReason(r), null, now)).orElse(c.moderation());
        Comment edited = new Comment(c.iri(), c.post(), c.inReplyTo(), c.author(), text.html(), text.source(),
                text.mentionIris(), text.hashtagIris(), c.to(), c.cc(), c.community(), c.reactions(), c.position(),
                c.created(), now, c.deleted(), c.deletedAt(), mark);
        OutboxRecord updated = announcements.record(Activity.builder().type(As2.UPDATE).actor(me.iri()).object(asObject(edited))
                .to(c.to()).cc(c.cc()).published(now).build());
        Comment after = comments.edit(c.iri(), text, now, updated);
        if (hold.isPresent()) after = moderate(c.iri(), mark);
        announcements.announceComment(c.iri(), updated);
        hold.ifPresent(r -> held.fire(new ContentHeld(c.iri(), r)));
        return views.views(List.of(after), viewer, me).get(0);
    }

    /**
     * The author, the community's owners and moderators, and admins delete a comment. Its author may even when they
     * are no longer in the thread's audience ({@link ThreadAccess#removableComment}).
     */
    public void delete(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Comment c = access.removableComment(postId, commentId, viewer);
        if (!access.mayModerate(c, me)) throw ProblemException.forbidden("only the author, the community's owners and moderators, community managers or admins delete a comment");
        tombstone(c, me.iri(), null);
    }

    /**
     * Deletes a comment the caller was allowed to delete (its author, a moderator): empties it, lowers the
     * thread's count once, and publishes a Delete with a Tombstone; {@code relais} is the activity's extension
     * (a moderator's decision), or null.
     */
    public void tombstone(Comment c, String actorIri, Map<String, Object> relais) {
        Instant now = Instant.now();
        // the before-image says whether this call deleted it: two parallel deletes lower the count once
        AsObject tombstone = AsObject.builder().id(c.iri()).type(As2.TOMBSTONE).formerType(As2.NOTE)
                .context(c.post()).deleted(now).build();
        OutboxRecord deleted = announcements.record(Activity.builder().type(As2.DELETE).actor(actorIri).object(tombstone)
                .to(c.to()).cc(c.cc()).published(now).relais(relais).build());
        Optional<Comment> before = comments.markDeleted(c.iri(), now, deleted);
        if (before.isEmpty() || before.get().deleted()) {
            // a parallel delete won and announces it; this call's mark is dropped unannounced
            announcements.discardComment(c.iri(), deleted);
            return;
        }
        // a hidden comment already left the count when it was hidden
        if (!isHidden(before.get())) postStore.commentRemoved(c.post());
        announcements.announceComment(c.iri(), deleted);
    }

    /**
     * Records a moderation decision on a comment (a moderator's hide or restore, a keyword rule's hold) and keeps the
     * thread's comment count to what readers see: a comment this call hid leaves it, one it restored comes back;
     * a decision that changes nothing (a repeated hide, a replay) leaves the count alone. Answers the comment
     * afterwards (null: unknown).
     */
    public Comment moderate(String iri, ModerationMark mark) {
        comments.moderate(iri, mark).filter(before -> !before.deleted()).ifPresent(before -> {
            if (!isHidden(before) && mark.isHidden()) postStore.commentRemoved(before.post());
            else if (isHidden(before) && !mark.isHidden()) postStore.commentRestored(before.post());
        });
        return comments.find(iri).orElse(null);
    }

    private static boolean isHidden(Comment c) {
        return c.moderation() != null && c.moderation().isHidden();
    }

    /** The reason a keyword rule's hold gives, shown to the author and in the queue. */
    static String heldReason(KeywordRule rule) {
        return "held for review by the organisation keyword rule " + rule.label();
    }

    /** The AS2 object of a stored comment, as published in Create and Update (with its moderation state, if any). */
    public static AsObject asObject(Comment c) {
        List<Tag> tags = new ArrayList<>();
        c.mentions().forEach(m -> tags.add(Tag.mention(m, Iri.localId(m))));
        c.hashtags().forEach(h -> tags.add(Tag.hashtag(Iri.localId(h))));
        return AsObject.builder().id(c.iri()).type(As2.NOTE).attributedTo(c.author())
                .content(c.content()).inReplyTo(c.inReplyTo()).context(c.post())
                .tag(tags).to(c.to()).cc(c.cc())
                .published(c.created()).updated(c.edited())
                .relais(c.moderation() == null ? null : RelaisExtension.builder().moderation(RelaisExtension.Moderation
                        .state(c.moderation().isHidden(), c.moderation().reason())).build()).build();
    }

    /** The text through the pipeline and its limits, mentioning only people feed-service's directory knows. */
    private WrittenText written(String content, int maxLength) {
        WrittenText text = WrittenText.of(content, maxLength, limits, pipeline, "content");
        return text.mentioningOnly(knownPeople.knownAmong(text.mentionIris()));
    }
}
