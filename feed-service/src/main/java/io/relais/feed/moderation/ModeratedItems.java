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
 * Finds the post, business card or comment a report or a decision names, and says who may act on it. A card
 * ({@code urn:relais:event:…}, {@code urn:relais:document:…}, {@code urn:relais:external:…}) is moderated like a
 * post of its community (or an organisation-wide one). Who moderates an item:
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
        if (isCardIri(iri)) {
            return posts.find(iri).filter(p -> !p.deleted() && p.isCard()).map(ModeratedItem::of);
        }
        if (Iri.isKind(iri, Iri.COMMENT)) {
            return comments.find(iri).filter(c -> !c.deleted()).flatMap(c -> posts.find(c.post()).filter(p -> !p.deleted())
                    .map(root -> ModeratedItem.of(c, root)));
        }
        return Optional.empty();
    }

    /**
     * The item if this person may see it: as a reader, by the thread's own rule ({@link ModeratedItem#visibleTo}: a
     * hidden item only for its writer, so not for the owner a card names, nor a comment of a hidden post); as one of
     * its moderators, whatever moderation decided, when the audience rule admits them to its thread. 400 for
     * something that is not a post, card or comment IRI, 404 otherwise.
     */
    public ModeratedItem visibleTo(String iri, CurrentPerson me) {
        if (iri == null || !Iri.isValid(iri) || !(Iri.isKind(iri, Iri.POST) || Iri.isKind(iri, Iri.COMMENT) || isCardIri(iri))) {
            throw ProblemException.invalid("object", ModerationRequests.OBJECT_RULE);
        }
        Viewer viewer = memberships.viewerOf(me);
        return find(iri).filter(item -> item.visibleTo(viewer) || (ThreadAccess.audienceAdmits(item.root(), viewer) && moderates(item, me)))
                .orElseThrow(() -> ProblemException.notFound(iri));
    }

    /** Whether the IRI names a business card: a business event, a document or a connector's own object. */
    static boolean isCardIri(String iri) {
        return Iri.isKind(iri, Iri.BUSINESS_EVENT) || Iri.isKind(iri, Iri.DOCUMENT) || Iri.isKind(iri, Iri.EXTERNAL);
    }

    /** Whether this person moderates the item (see the class comment); the caller checks they can see it. */
    public boolean moderates(ModeratedItem item, CurrentPerson me) {
        return access.moderates(item.community(), me);
    }
}
