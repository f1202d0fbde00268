package io.relais.feed.moderation;

import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.ModerationMark;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moderation queues: the open cases of one community for its owners and moderators (and for
 * {@code community-manager}s and {@code admin}s who can see it), and the organisation-wide queue for
 * {@code community-manager}s and {@code admin}s only. Deny by default: a community the caller may not see
 * answers 404, one they may see but do not moderate 403. Even the organisation-wide queue lists only items
 * the audience rule lets the caller see (a secret community's content stays with its members).
 */
@ApplicationScoped
public class ModerationQueue {

    static final int EXCERPT = 280;

    @Inject
    CaseStore cases;

    @Inject
    ModeratedItems items;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    @Inject
    ProfileDirectory profiles;

    /** Which cases a queue lists: the open ones (reported or held), or the decided ones still hidden (to restore). */
    public enum Listing {
        OPEN, HIDDEN
    }

    /** The open cases of a community ({@code slug}), or of the organisation when {@code slug} is null. */
    public List<QueueItem> queue(String slug, CurrentPerson me) {
        return queue(slug, Listing.OPEN, me);
    }

    /**
     * The cases of a community ({@code slug}), or of the organisation when {@code slug} is null: the open ones, or
     * ({@link Listing#HIDDEN}) every item hidden now, reported or not (a direct hide, a keyword rule's hold once
     * decided), newest decision first, with who hid it and when: where a restore starts. The same rule on who may
     * read either list.
     */
    public List<QueueItem> queue(String slug, Listing listing, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        String communityIri = null;
        if (slug != null) {
            Community c = Optional.of(slug).map(ModerationQueue::communityIri).flatMap(communities::find)
                    .filter(x -> x.visibleTo(viewer)).orElseThrow(() -> ProblemException.notFound("community " + slug));
            boolean moderates = memberships.roleIn(me.iri(), c.iri()).map(Role::moderates).orElse(false);
            if (!moderates && !((me.isAdmin() || me.isCommunityManager()) && c.contentVisibleTo(viewer))) {
                throw ProblemException.forbidden("only the owners and moderators of " + slug + " see its moderation queue");
            }
            communityIri = c.iri();
        } else if (!me.isAdmin() && !me.isCommunityManager()) {
            throw ProblemException.forbidden("the organisation-wide moderation queue is for community managers and admins");
        }
        List<Document> open = listing == Listing.OPEN ? cases.open(communityIri) : cases.closed(communityIri);
        List<ModeratedItem> found = new ArrayList<>();
        Map<String, Document> caseOf = new LinkedHashMap<>();
        for (Document c : open) {
            items.find(c.getString("_id")).filter(item -> ThreadAccess.audienceAdmits(item.root(), viewer))
                    .filter(item -> listing == Listing.OPEN || item.hidden()).ifPresent(item -> {
                found.add(item);
                caseOf.put(item.iri(), c);
            });
        }
        if (listing == Listing.HIDDEN) {
            // newest decision first: what was just hidden is what a moderator looks for
            found.sort(java.util.Comparator.comparing((ModeratedItem item) -> item.mark().at(),
                    java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        }
        Map<String, PersonSummary> authors = profiles.displaysOf(java.util.stream.Stream.concat(
                found.stream().map(ModeratedItem::author), found.stream().filter(ModeratedItem::hidden).map(item -> item.mark().by()))
                .filter(Objects::nonNull).distinct().toList());
        Map<String, Community> communityOf = communities.findAll(found.stream().map(ModeratedItem::community)
                .filter(Objects::nonNull).distinct().toList()).stream().collect(Collectors.toMap(Community::iri, Function.identity()));
        List<QueueItem> out = new ArrayList<>(found.size());
        for (ModeratedItem item : found) {
            Document c = caseOf.get(item.iri());
            Community community = item.community() == null ? null : communityOf.get(item.community());
            ModerationMark mark = item.hidden() ? item.mark() : null;
            out.add(new QueueItem(item.iri(), item.kind(), item.postIri(),
                    community == null ? null : new QueueItem.CommunityRef(community.iri(), community.slug(), community.name()),
                    author(item, authors), item.excerpt(EXCERPT), item.hidden() ? ModerationMark.HIDDEN : ModerationMark.VISIBLE,
                    c.getString("held"), number(c.get("openReports")), reasons(c), c.getList("comments", String.class, List.of()),
                    c.getDate("firstReported").toInstant(), c.getDate("lastReported").toInstant(),
                    mark == null ? null : mark.reason(), mark == null || mark.by() == null ? null : authors.get(mark.by()),
                    mark == null ? null : mark.at(), items.actions(item, me, c)));
        }
        return out;
    }

    /** Who wrote it: a person, or for a card without an owner the system that sent it (as its thread shows it). */
    private static PersonSummary author(ModeratedItem item, Map<String, PersonSummary> authors) {
        if (item.author() != null) return authors.get(item.author());
        if (item.isCard() && item.root().card() != null) {
            var card = item.root().card();
            return new PersonSummary(card.generator(), null, card.systemName() != null ? card.systemName() : card.system(), null, null);
        }
        return null;
    }

    private static String communityIri(String slug) {
        try {
            return Iri.community(slug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("community " + slug);
        }
    }

    private static Map<String, Long> reasons(Document c) {
        Map<String, Long> out = new LinkedHashMap<>();
        Document r = c.get("reasons", Document.class);
        if (r != null) r.forEach((k, v) -> {
            if (number(v) > 0) out.put(k, number(v));
        });
        return out;
    }

    private static long number(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }
}
