package io.relais.feed.moderation;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.RelaisExtension;
import io.relais.feed.comment.CommentService;
import io.relais.feed.keyword.ContentHeld;
import io.relais.feed.post.CardProjection;
import io.relais.feed.post.PostService;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.ModerationMark;
import io.relais.feed.thread.PostStore;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Moderation decisions on a post, business card or comment: hide, restore, remove. Each one is stored on the item
 * ({@link ModerationMark}, or the deletion for remove), published as an activity through the outbox so every
 * projection follows (hide and restore: an {@code Update} of the full object carrying
 * {@code relais.moderation.state}, which search drops from or brings back to its index; remove: a
 * {@code Delete} with a Tombstone), closes the open reports on the item and is written to the audit log.
 * Both activities carry {@code relais.moderation = {action, reason}}, from which the author is notified. The case
 * is kept (created if nobody reported the item) with the decision, so the hidden queue lists every hidden item; a
 * hide also records there whether it was decided with an organisation role, which decides who may restore it
 * ({@link ModeratedItems#refusal}).
 */
@ApplicationScoped
public class ModerationDecisions {

    @Inject
    ModeratedItems items;

    @Inject
    PostStore posts;

    @Inject
    PostService postService;

    @Inject
    CommentService commentService;

    @Inject
    ReportStore reports;

    @Inject
    CaseStore cases;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    /**
     * Applies a decision. 404 when the caller may not see the item, 403 when they do not moderate it, and 403 naming
     * {@code object} with the rule when they wrote it or restore what the organisation hid without a community manager's
     * or an admin's role ({@link ModeratedItems#refusal}); an item already in the state asked (hiding a hidden item,
     * restoring a visible one) is left as it is ({@link #unchanged}).
     */
    public DecisionView decide(ModerationRequests.Decision request, CurrentPerson me) {
        ModeratedItem item = items.visibleTo(request.object(), me);
        if (!items.moderates(item, me)) {
            throw ProblemException.forbidden("only the owners and moderators of its community, community managers and admins moderate "
                    + item.iri());
        }
        items.refusal(item, request.action(), me, cases.find(item.iri()).orElse(null)).ifPresent(rule -> {
            throw ProblemException.forbidden("object", rule);
        });
        Instant now = Instant.now();
        String reason = request.reason();
        Map<String, Object> decision = RelaisExtension.builder()
                .moderation(RelaisExtension.Moderation.decision(request.action().wire(), reason)).build();
        String state;
        switch (request.action()) {
            case HIDE -> {
                if (item.hidden()) return unchanged(item, request, ModerationMark.HIDDEN);
                publishUpdate(item, ModerationMark.hidden(reason, me.iri(), now), decision, me.iri(), now);
                state = ModerationMark.HIDDEN;
            }
            case RESTORE -> {
                if (!item.hidden()) return unchanged(item, request, ModerationMark.VISIBLE);
                publishUpdate(item, ModerationMark.visible(reason, me.iri(), now), decision, me.iri(), now);
                state = ModerationMark.VISIBLE;
            }
            default -> {
                if (item.comment() == null) postService.tombstone(item.root(), me.iri(), decision);
                else commentService.tombstone(item.comment(), me.iri(), decision);
                state = "removed";
            }
        }
        long resolved = reports.resolve(item.iri(), request.action().wire(), me.iri(), Date.from(now));
        // who may restore a hide depends on the authority it was decided with (ModeratedItems#hiddenByOrganisation)
        String hiddenAs = request.action() != ModerationAction.HIDE ? null
                : me.isAdmin() || me.isCommunityManager() ? CaseStore.HIDDEN_AS_ORGANISATION : CaseStore.HIDDEN_AS_COMMUNITY;
        cases.close(item, Date.from(now), hiddenAs);
        audit.record(me.iri(), request.action().wire(), item.iri(), item.community(), reason, resolved, now);
        return new DecisionView(item.iri(), request.action().wire(), state, reason, resolved, now);
    }

    /**
     * Hiding a hidden item or restoring a visible one changes nothing (a retried or doubled click): no event, no
     * audit entry, no notification; the answer says the state it is in and that no report was resolved.
     */
    private static DecisionView unchanged(ModeratedItem item, ModerationRequests.Decision request, String state) {
        return new DecisionView(item.iri(), request.action().wire(), state, null, 0, null);
    }

    /** A keyword rule held a new or edited item: it enters the queues, and the audit log says so. */
    void onHeld(@Observes ContentHeld held) {
        items.find(held.object()).ifPresent(item -> {
            Instant now = Instant.now();
            cases.addHold(item, held.rule().term(), Date.from(now));
            audit.record(AuditLog.KEYWORD_RULES, "hold", item.iri(), item.community(), "keyword rule " + held.rule().label(), 0, now);
        });
    }

    private void publishUpdate(ModeratedItem item, ModerationMark mark, Map<String, Object> decision, String actor, Instant now) {
        AsObject object;
        AsObject generator = null;
        if (item.comment() != null) {
            object = CommentService.asObject(commentService.moderate(item.iri(), mark));
        } else if (item.isCard()) {
            // the whole card as its system published it, so search indexes it whole again on restore
            Post card = posts.moderate(item.iri(), mark);
            object = CardProjection.asObject(card);
            generator = CardProjection.generatorOf(card);
        } else {
            object = PostService.asObject(posts.moderate(item.iri(), mark));
        }
        outbox.append(Activity.builder().type(As2.UPDATE).actor(actor).object(object).to(object.to()).cc(object.cc())
                .generator(generator).published(now).relais(decision).build());
    }
}
