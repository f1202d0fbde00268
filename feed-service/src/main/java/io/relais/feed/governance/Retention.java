package io.relais.feed.governance;

import io.relais.events.TextHygiene;
import io.relais.feed.comment.CommentService;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityService;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Role;
import io.relais.feed.moderation.AuditLog;
import io.relais.feed.post.PostService;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Retention per community and legal hold (issue 15). Owners of a community and administrators set how long its
 * content is kept ({@code retentionDays}, at least {@value RetentionPolicy#MIN_DAYS}); {@link #run} deletes posts
 * and comments created before {@code now - retentionDays} through the normal delete path (a {@code Delete} on the log,
 * so every projection follows). An administrator's legal hold suspends it until lifted. Every run, deletion batch,
 * hold and lift is written to the moderation audit log (who, what, when, why).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** The actor of what the retention job does by itself (audit log, Delete activities). */
    public static final String ACTOR = "urn:relais:source:retention";
    /** Posts, then comments, deleted per batch (one audit entry per batch). */
    static final int BATCH = 100;
    static final int REASON_MAX = 500;

    @Inject
    RetentionStore store;

    @Inject
    CommunityService communities;

    @Inject
    MembershipService memberships;

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    PostService postService;

    @Inject
    CommentService commentService;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** What the API shows: the rule and, to administrators and owners, the hold. */
    public record View(String community, Integer retentionDays, RetentionPolicy.LegalHold legalHold) {
    }

    /** What one run did. */
    public record RunOutcome(int communities, int onHold, int posts, int comments) {
    }

    /** The rule of a community, for its owners and administrators (others 403; unknown or invisible 404). */
    public View view(String slug, CurrentPerson me) {
        Community c = ownerOrAdmin(slug, me);
        RetentionPolicy p = store.find(c.iri()).orElse(new RetentionPolicy(c.iri(), null, null, null));
        return new View(c.iri(), p.retentionDays(), p.hold());
    }

    /**
     * Sets the retention of a community.
     *
     * @param days null removes the rule; else {@value RetentionPolicy#MIN_DAYS}..{@value RetentionPolicy#MAX_DAYS}
     *             (400 naming {@code retentionDays} otherwise)
     */
    public View set(String slug, Integer days, CurrentPerson me) {
        Community c = ownerOrAdmin(slug, me);
        if (days != null && (days < RetentionPolicy.MIN_DAYS || days > RetentionPolicy.MAX_DAYS)) {
            throw ProblemException.invalid("retentionDays", "must be a number of days from " + RetentionPolicy.MIN_DAYS
                    + " to " + RetentionPolicy.MAX_DAYS);
        }
        store.setDays(c.iri(), days, me.iri());
        audit.record(me.iri(), "retention-set", c.iri(), c.iri(), days == null ? "retention removed: content is kept"
                : "content older than " + days + " days is deleted", 0, clock.instant());
        return view(slug, me);
    }

    /** An administrator places a legal hold: retention stops deleting in this community until it is lifted. */
    public View hold(String slug, String reason, CurrentPerson me) {
        Community c = admin(slug, me);
        String why = TextHygiene.line(reason);
        if (why == null || why.isBlank()) throw ProblemException.invalid("reason", "is required: why the content must be kept");
        if (why.length() > REASON_MAX) throw ProblemException.invalid("reason", "must be at most " + REASON_MAX + " characters");
        Instant now = clock.instant();
        store.setHold(c.iri(), new RetentionPolicy.LegalHold(why, me.iri(), now));
        audit.record(me.iri(), "legal-hold", c.iri(), c.iri(), why, 0, now);
        return view(slug, me);
    }

    /** An administrator lifts the legal hold (nothing happens, and nothing is audited, when there is none). */
    public View lift(String slug, CurrentPerson me) {
        Community c = admin(slug, me);
        RetentionPolicy p = store.find(c.iri()).orElse(null);
        if (p != null && p.hold() != null) {
            store.setHold(c.iri(), null);
            audit.record(me.iri(), "legal-hold-lifted", c.iri(), c.iri(), "hold placed " + p.hold().at() + " for: "
                    + p.hold().reason(), 0, clock.instant());
        }
        return view(slug, me);
    }

    /**
     * Applies every community's retention at {@code now}: deletes posts, then comments, created before
     * {@code now - retentionDays}, in batches, skipping communities on legal hold. One audit entry per batch and one
     * for the run.
     */
    public RunOutcome run(Instant now) {
        int applied = 0;
        int held = 0;
        int postCount = 0;
        int commentCount = 0;
        for (RetentionPolicy p : store.all()) {
            if (p.retentionDays() == null) continue;
            if (p.hold() != null) {
                held++;
                continue;
            }
            applied++;
            Instant cutoff = now.minus(Duration.ofDays(p.retentionDays()));
            for (List<Post> batch; !(batch = posts.olderThan(p.community(), cutoff, BATCH)).isEmpty(); ) {
                batch.forEach(post -> postService.tombstone(post, ACTOR, null));
                postCount += batch.size();
                audit.record(ACTOR, "retention-delete", p.community(), p.community(), batch.size() + " posts created before "
                        + cutoff + " (retention " + p.retentionDays() + " days) deleted", 0, clock.instant());
                if (batch.size() < BATCH) break;
            }
            for (List<Comment> batch; !(batch = comments.olderThan(p.community(), cutoff, BATCH)).isEmpty(); ) {
                batch.forEach(c -> commentService.tombstone(c, ACTOR, null));
                commentCount += batch.size();
                audit.record(ACTOR, "retention-delete", p.community(), p.community(), batch.size() + " comments created before "
                        + cutoff + " (retention " + p.retentionDays() + " days) deleted", 0, clock.instant());
                if (batch.size() < BATCH) break;
            }
        }
        RunOutcome outcome = new RunOutcome(applied, held, postCount, commentCount);
        audit.record(ACTOR, "retention-run", null, null, "retention run at " + now + ": " + applied + " communities applied, "
                + held + " on legal hold, " + postCount + " posts and " + commentCount + " comments deleted", 0, clock.instant());
        LOG.infof("retention run: %s", outcome);
        return outcome;
    }

    private Community ownerOrAdmin(String slug, CurrentPerson me) {
        Community c = me.isAdmin() ? communities.find(slug).orElseThrow(() -> ProblemException.notFound("community " + slug))
                : communities.visible(slug, me);
        if (!me.isAdmin() && memberships.roleIn(me.iri(), c.iri()).orElse(null) != Role.OWNER) {
            throw ProblemException.forbidden("only owners of " + slug + " and administrators manage its retention");
        }
        return c;
    }

    private Community admin(String slug, CurrentPerson me) {
        if (!me.isAdmin()) {
            communities.visible(slug, me); // a community this person may not know is 404, never 403
            throw ProblemException.forbidden("only administrators place or lift a legal hold");
        }
        return communities.find(slug).orElseThrow(() -> ProblemException.notFound("community " + slug));
    }
}
