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
import org.bson.Document;

import java.util.LinkedHashSet;
import java.util.Set;

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
    public Document visiblePost(String postIri, Viewer viewer) {
        return posts.find(postIri).filter(d -> visible(d, viewer))
                .orElseThrow(() -> ProblemException.notFound("post " + Iri.localId(postIri)));
    }

    /** The comment if it belongs to that post and the viewer sees the post; 404 otherwise. */
    public Document visibleComment(String postId, String commentId, Viewer viewer) {
        Document root = visiblePost(postIri(postId), viewer);
        Document c = comments.findComment(commentId);
        if (c == null || c.getBoolean("deleted", false) || !root.getString("_id").equals(c.getString("post"))) {
            throw ProblemException.notFound("comment " + commentId);
        }
        return c;
    }

    /** Whether a stored post is not deleted and its audience admits the viewer. */
    public static boolean visible(Document d, Viewer viewer) {
        if (d.getBoolean("deleted", false)) return false;
        Set<String> audience = new LinkedHashSet<>(StoredFields.strings(d, "to"));
        audience.addAll(StoredFields.strings(d, "cc"));
        return AudienceRule.canSee(viewer, d.getString("author"), audience);
    }

    /** Whether this person may remove the item (post or comment): its author, its community's owners and moderators, admins. */
    public boolean mayModerate(Document item, CurrentPerson me) {
        if (me.iri().equals(item.getString("author")) || me.isAdmin()) return true;
        String community = item.getString("community");
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
