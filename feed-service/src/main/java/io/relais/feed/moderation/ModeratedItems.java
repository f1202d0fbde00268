package io.relais.feed.moderation;

import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.ModerationMark;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the post, business card or comment a report or a decision names, and says who may act on it. A card
 * ({@code urn:relais:event:…}, {@code urn:relais:document:…}, {@code urn:relais:external:…}) is moderated like a
 * post of its community (or an organisation-wide one). Who moderates an item:
 * the owners and moderators of its community, and {@code community-manager}s and {@code admin}s (for
 * organisation-wide posts, only they). Everyone acts only on what the audience rule lets them see; anything
 * they may not see answers 404, like an unknown IRI. Among those who moderate an item, nobody decides on what they
 * wrote, and only community managers and admins restore what the organisation hid ({@link #refusal}).
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

    /** The rule a decision on one's own words breaks (403 naming {@code object}). */
    static final String OWN_ITEM_RULE = "is yours: nobody decides on what they wrote themselves (delete it instead)";

    /** The rule a community's owner or moderator breaks restoring what the organisation hid (403 naming {@code object}). */
    static final String ORGANISATION_HIDE_RULE = "was hidden by the organisation (a keyword rule's hold, a community manager's or "
            + "an admin's hide): only community managers and admins restore it";

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

    /**
     * The rule that keeps this person, who {@link #moderates moderates} the item, from taking this decision on it; empty
     * when they may. Nobody decides on what they wrote (for a card: the person it names), whatever their role: their own
     * words they delete. What the organisation hid ({@link #hiddenByOrganisation}) only a {@code community-manager} or an
     * {@code admin} restores; a community's owners and moderators may still remove it. {@code kase} is the item's
     * {@link CaseStore} document, null when it has none.
     */
    public Optional<String> refusal(ModeratedItem item, ModerationAction action, CurrentPerson me, Document kase) {
        if (me.iri().equals(item.author())) return Optional.of(OWN_ITEM_RULE);
        if (action == ModerationAction.RESTORE && !me.isAdmin() && !me.isCommunityManager() && hiddenByOrganisation(item, kase)) {
            return Optional.of(ORGANISATION_HIDE_RULE);
        }
        return Optional.empty();
    }

    /** The decisions this person, who moderates the item, may take on it now: what {@link #refusal} lets them. */
    public List<ModerationAction> actions(ModeratedItem item, CurrentPerson me, Document kase) {
        return Stream.of(item.hidden() ? ModerationAction.RESTORE : ModerationAction.HIDE, ModerationAction.REMOVE)
                .filter(action -> refusal(item, action, me, kase).isEmpty()).toList();
    }

    /**
     * Whether an organisation-level decision hides the item: a keyword rule's hold (its mark names no moderator), or a
     * hide by a {@code community-manager} or an {@code admin} (the case's {@code hiddenAs}, written at hide time). A hide
     * from before {@code hiddenAs} was kept counts as the organisation's when the item is organisation-wide or whoever hid
     * it does not moderate its community now: then they hid it with their role.
     */
    boolean hiddenByOrganisation(ModeratedItem item, Document kase) {
        ModerationMark mark = item.mark();
        if (mark == null || !mark.isHidden()) return false;
        if (mark.by() == null) return true;
        String hiddenAs = kase == null ? null : kase.getString("hiddenAs");
        if (hiddenAs != null) return CaseStore.HIDDEN_AS_ORGANISATION.equals(hiddenAs);
        return item.community() == null || !memberships.roleIn(mark.by(), item.community()).map(Role::moderates).orElse(false);
    }

    /** Whether this person moderates the item (see the class comment); the caller checks they can see it. */
    public boolean moderates(ModeratedItem item, CurrentPerson me) {
        return access.moderates(item.community(), me);
    }
}
