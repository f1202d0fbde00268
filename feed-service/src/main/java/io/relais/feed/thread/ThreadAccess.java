package io.relais.feed.thread;

import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Who may see and who may act on a thread: the one rule of every read and write of a thread (the thread page, feeds,
 * comments, reactions, edits, live thread streams, notifications, attachments, and the activity log's
 * {@code GET /api/activities/{id}}). A post is visible when it is not deleted, its {@code to}+{@code cc} names the
 * viewer, a community they are in now or the organisation ({@link AudienceRule}), and moderation does not hide it from
 * them; a comment is visible with its post. Anything not visible answers 404, whatever the reason, so a hidden thing
 * is never confirmed to exist.
 * <p>
 * Being its writer does not open a thread: someone removed from (or who left) a private or secret community no longer
 * reads, comments on, reacts to or edits even the threads they started there (docs/SECURITY.md: members may not act in a
 * community they are not in). They keep one right over their own words: removing them ({@link #removablePost},
 * {@link #removableComment}); an export gives them the text.
 */
@ApplicationScoped
public class ThreadAccess {

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    MembershipService memberships;

    @Inject
    CommunityStore communities;

    /** The stored post if the viewer may see it and it is not deleted; 404 otherwise, whatever the reason. */
    public Post visiblePost(String postIri, Viewer viewer) {
        return posts.find(postIri).filter(p -> visible(p, viewer))
                .orElseThrow(() -> ProblemException.notFound("post " + Iri.localId(postIri)));
    }

    /** The comment if it belongs to that post, is not deleted, and the viewer sees the post; 404 otherwise. */
    public Comment visibleComment(String postId, String commentId, Viewer viewer) {
        Post root = visiblePost(postIri(postId), viewer);
        return comments.findComment(commentId).filter(c -> visible(c, root, viewer))
                .orElseThrow(() -> ProblemException.notFound("comment " + commentId));
    }

    /**
     * Whether a stored post is not deleted, its audience admits the viewer, and moderation does not hide it from
     * them (a hidden post stays visible to its author only; moderators reach it through their queue).
     */
    public static boolean visible(Post post, Viewer viewer) {
        return audienceAdmits(post, viewer) && !post.hiddenFrom(viewer.person());
    }

    /**
     * Whether a stored comment is visible to the viewer: it belongs to {@code root}, is not deleted, moderation does not
     * hide it from them (a hidden comment stays visible to its author only), and they {@link #visible(Post, Viewer) see}
     * its post.
     */
    public static boolean visible(Comment comment, Post root, Viewer viewer) {
        return !comment.deleted() && !comment.hiddenFrom(viewer.person()) && root.iri().equals(comment.post()) && visible(root, viewer);
    }

    /**
     * Whether a stored post is not deleted and its audience admits the viewer, whatever moderation decided. The
     * writer is judged like anyone else (no "a writer sees what they wrote" exception here): a thread shows others'
     * words, which a writer no longer in its audience may not read.
     */
    public static boolean audienceAdmits(Post post, Viewer viewer) {
        if (post.deleted()) return false;
        return AudienceRule.canSee(viewer, null, new LinkedHashSet<>(post.audience()));
    }

    /**
     * The stored post for its removal: one the viewer {@link #visible sees}, or one they wrote that is not deleted
     * (their right over their own words outlives their membership); 404 otherwise. Whether they may remove it is
     * still {@link #mayModerate}'s to say.
     */
    public Post removablePost(String postIri, Viewer viewer) {
        return posts.find(postIri).filter(p -> visible(p, viewer) || (!p.deleted() && viewer.person().equals(p.writer())))
                .orElseThrow(() -> ProblemException.notFound("post " + Iri.localId(postIri)));
    }

    /**
     * The comment for its removal: one the viewer {@link #visibleComment sees}, or their own (not deleted, in that
     * thread, whose post is not deleted) even where they are no longer in the thread's audience; 404 otherwise.
     */
    public Comment removableComment(String postId, String commentId, Viewer viewer) {
        String postIri = postIri(postId);
        Comment own = comments.findComment(commentId)
                .filter(c -> !c.deleted() && postIri.equals(c.post()) && viewer.person().equals(c.author())).orElse(null);
        if (own == null || posts.find(postIri).filter(p -> !p.deleted()).isEmpty()) return visibleComment(postId, commentId, viewer);
        return own;
    }

    /**
     * Whether the viewer may see the thread item {@code iri} names, as the thread view would: a post or card
     * ({@link #visible}), or a comment (not deleted, not hidden from them, its post visible). Empty when this service
     * holds no post, card or comment under that IRI (a community, a person, an activity…): the caller's own rule decides.
     */
    public Optional<Boolean> threadItemVisible(String iri, Viewer viewer) {
        if (iri == null || !Iri.isValid(iri)) return Optional.empty();
        if (Iri.isKind(iri, Iri.COMMENT)) {
            return comments.find(iri).map(c -> posts.find(c.post()).filter(p -> visible(c, p, viewer)).isPresent());
        }
        if (Iri.isKind(iri, Iri.POST) || Iri.isKind(iri, Iri.BUSINESS_EVENT) || Iri.isKind(iri, Iri.DOCUMENT)
                || Iri.isKind(iri, Iri.EXTERNAL)) {
            return posts.find(iri).map(p -> visible(p, viewer));
        }
        return Optional.empty();
    }

    /**
     * Whether this person may remove the post: its author, or whoever {@link #moderates moderates} where it was
     * written (its community's owners and moderators, community managers, admins). A card's owner is not its
     * author ({@link Post#writer}).
     */
    public boolean mayModerate(Post post, CurrentPerson me) {
        return mayRemove(post.writer(), () -> moderates(post.community(), me), me);
    }

    /** Whether this person may remove the comment: its author, or whoever {@link #moderates moderates} its thread. */
    public boolean mayModerate(Comment comment, CurrentPerson me) {
        return mayRemove(comment.author(), () -> moderates(comment.community(), me), me);
    }

    /**
     * The removal rule itself, for callers that already know whether {@code me} moderates where the item was
     * written (a thread page asks {@link #moderates} once for all its comments): the author, or a moderator there.
     */
    public static boolean mayRemove(String author, BooleanSupplier moderatesThere, CurrentPerson me) {
        return me.iri().equals(author) || moderatesThere.getAsBoolean();
    }

    /**
     * 409 when the thread was written in an archived community ({@link Community#requireWritable}): its posts and
     * comments are no longer commented, edited or reacted to. Organisation-wide threads ({@code null}) are always open.
     * Asked after visibility, so a community one may not see is never confirmed archived.
     */
    public void requireWritable(String communityIri) {
        if (communityIri != null) communities.find(communityIri).ifPresent(Community::requireWritable);
    }

    /** Whether this person may edit the post: only its author, and never a business-event card (its system owns it). */
    public static boolean mayEdit(Post post, CurrentPerson me) {
        return me.iri().equals(post.author()) && !post.isCard();
    }

    /** Whether this person may edit the comment: only its author. */
    public static boolean mayEdit(Comment comment, CurrentPerson me) {
        return me.iri().equals(comment.author());
    }

    /**
     * Whether this person moderates what is written in a community ({@code null}: organisation-wide): the
     * community's owners and moderators, and {@code community-manager}s and {@code admin}s everywhere. The one
     * rule behind deletes by others, moderation decisions and the {@code can} flags readers get.
     */
    public boolean moderates(String communityIri, CurrentPerson me) {
        if (me.isAdmin() || me.isCommunityManager()) return true;
        return communityIri != null && memberships.roleIn(me.iri(), communityIri).map(Role::moderates).orElse(false);
    }

    /** A post id from a path: its local id or its full IRI (cards are {@code urn:relais:event:…}, {@code urn:relais:document:…} or a business system's
     * {@code urn:relais:external:…}); 404 if neither. */
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
}
