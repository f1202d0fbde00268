package io.relais.feed.moderation;

import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Finds the post or comment a report or a decision names, and says who may act on it. Who moderates an item:
 * the owners and moderators of its community, and {@code community-manager}s and {@code admin}s (for
 * organisation-wide posts, only they). Everyone acts only on what the audience rule lets them see; anything
 * they may not see answers 404, like an unknown IRI.
 */
@ApplicationScoped
public class ModeratedItems {

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    MembershipService memberships;

    @Inject
    ThreadAccess access;

    /** The item, not deleted (nor in a deleted thread); empty for an unknown or deleted one. */
    public Optional<ModeratedItem> find(String iri) {
        if (iri == null || !Iri.isValid(iri)) return Optional.empty();
        if (Iri.isKind(iri, Iri.POST)) {
            return posts.find(iri).filter(p -> !p.deleted()).map(ModeratedItem::of);
        }
        if (Iri.isKind(iri, Iri.COMMENT)) {
            return comments.find(iri).filter(c -> !c.deleted()).flatMap(c -> posts.find(c.post()).filter(p -> !p.deleted())
                    .map(root -> ModeratedItem.of(c, root)));
        }
        return Optional.empty();
    }

    /**
     * The item if this person may see it: the audience rule admits them to its thread, and a hidden item only
     * for its author and its moderators. 400 for something that is not a post or comment IRI, 404 otherwise.
     */
    public ModeratedItem visibleTo(String iri, CurrentPerson me) {
        if (iri == null || !Iri.isValid(iri) || !(Iri.isKind(iri, Iri.POST) || Iri.isKind(iri, Iri.COMMENT))) {
            throw ProblemException.invalid("object", "must be the IRI of a post (urn:relais:post:…) or a comment (urn:relais:comment:…)");
        }
        Viewer viewer = memberships.viewerOf(me);
        return find(iri).filter(item -> ThreadAccess.audienceAdmits(item.root(), viewer))
                .filter(item -> !item.hidden() || me.iri().equals(item.author()) || moderates(item, me))
                .orElseThrow(() -> ProblemException.notFound(iri));
    }

    /** Whether this person moderates the item (see the class comment); the caller checks they can see it. */
    public boolean moderates(ModeratedItem item, CurrentPerson me) {
        return access.moderates(item.community(), me);
    }
}
