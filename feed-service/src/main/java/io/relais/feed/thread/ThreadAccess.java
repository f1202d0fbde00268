package io.relais.feed.thread;

import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashSet;

/**
 * Who may see and who may act on a thread. A post is visible when it is not deleted and
 * {@link AudienceRule} lets the viewer see its {@code to}+{@code cc}; a comment is visible with its post.
 * Anything hidden answers 404, whatever the reason, so a hidden thing is never confirmed to exist.
 */
@ApplicationScoped
public class ThreadAccess {

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    MembershipService memberships;

    /** The stored post if the viewer may see it and it is not deleted; 404 otherwise, whatever the reason. */
    public Post visiblePost(String postIri, Viewer viewer) {
        return posts.find(postIri).filter(p -> visible(p, viewer))
                .orElseThrow(() -> ProblemException.notFound("post " + Iri.localId(postIri)));
    }

    /** The comment if it belongs to that post, is not deleted, and the viewer sees the post; 404 otherwise. */
    public Comment visibleComment(String postId, String commentId, Viewer viewer) {
        Post root = visiblePost(postIri(postId), viewer);
        return comments.findComment(commentId).filter(c -> !c.deleted() && !c.hiddenFrom(viewer.person()) && root.iri().equals(c.post()))
                .orElseThrow(() -> ProblemException.notFound("comment " + commentId));
    }

    /**
     * Whether a stored post is not deleted, its audience admits the viewer, and moderation does not hide it from
     * them (a hidden post stays visible to its author only; moderators reach it through their queue).
     */
    public static boolean visible(Post post, Viewer viewer) {
        return audienceAdmits(post, viewer) && !post.hiddenFrom(viewer.person());
    }

    /** Whether a stored post is not deleted and its audience admits the viewer, whatever moderation decided. */
    public static boolean audienceAdmits(Post post, Viewer viewer) {
        if (post.deleted()) return false;
        return AudienceRule.canSee(viewer, post.author(), new LinkedHashSet<>(post.audience()));
    }

    /** Whether this person may remove the post: its author, its community's owners and moderators, admins. */
    public boolean mayModerate(Post post, CurrentPerson me) {
        return mayModerate(post.author(), post.community(), me);
    }

    /** Whether this person may remove the comment: its author, its community's owners and moderators, admins. */
    public boolean mayModerate(Comment comment, CurrentPerson me) {
        return mayModerate(comment.author(), comment.community(), me);
    }

    private boolean mayModerate(String author, String community, CurrentPerson me) {
        if (me.iri().equals(author) || me.isAdmin()) return true;
        return community != null && memberships.roleIn(me.iri(), community).map(Role::moderates).orElse(false);
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
