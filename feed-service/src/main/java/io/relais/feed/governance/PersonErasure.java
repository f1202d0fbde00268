package io.relais.feed.governance;

import io.relais.feed.activity.ActivityLog;
import io.relais.feed.attachment.AttachmentService;
import io.relais.feed.comment.CommentService;
import io.relais.feed.community.CommunityService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.moderation.AuditLog;
import io.relais.feed.moderation.ReportService;
import io.relais.feed.notification.Notification;
import io.relais.feed.notification.NotificationNotices;
import io.relais.feed.notification.NotificationStore;
import io.relais.feed.post.PostService;
import io.relais.feed.profile.PersonErased;
import io.relais.feed.reaction.ReactionService;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.timeline.TimelineStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * feed-service's part of an erasure on request (issue 15): what the erased person wrote is removed, through the
 * normal delete path of each post and comment (a {@code Delete} on the log, so timelines, notifications, counters
 * and search follow as for any deletion), and the deleted documents keep nothing of them (author replaced by
 * {@link #FORMER_AUTHOR}, mentions, hashtags and attachment references emptied), and the files they uploaded are
 * deleted (bytes and description: their URLs answer 404). Their reactions, follows (both ways), memberships, own
 * timelines, notifications, mutes and the notifications others got about what they did go (taken back live from
 * the pages their recipients have open); their reports stay counted in their cases, but without their comment or
 * their name ({@link ReportService#forgetReporter}), so moderators no longer read their words; mentions of them in
 * others' words become plain text ({@link ErasedMentions}); the activity log forgets every activity naming them and
 * keeps none that arrives later ({@link ActivityLog#forget}: first, so that the Undo and Delete activities this erasure
 * publishes are never kept; again last, for a poll that was being written meanwhile); one entry in the moderation
 * audit log records it. The policy is written in feed-service's README.
 * <p>
 * Repeatable: a replayed Delete finds nothing left to remove; the audit log then gets an entry saying so.
 */
@ApplicationScoped
public class PersonErasure {

    private static final Logger LOG = Logger.getLogger(PersonErasure.class);

    /**
     * The author left on an erased person's deleted posts and comments. {@code ~} is legal in an IRI's local id but
     * never in a login ({@link io.relais.events.Login}), so this names nobody.
     */
    public static final String FORMER_AUTHOR = "urn:relais:person:~former-employee";

    /** The audit log's action for an erasure applied here. */
    public static final String AUDIT_ACTION = "erasure";

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    PostService postService;

    @Inject
    CommentService commentService;

    @Inject
    ReactionService reactions;

    @Inject
    FollowService follows;

    @Inject
    CommunityService communities;

    @Inject
    NotificationStore notifications;

    @Inject
    NotificationNotices notices;

    @Inject
    TimelineStore timelines;

    @Inject
    AuditLog audit;

    @Inject
    AttachmentService attachments;

    @Inject
    ErasedMentions mentions;

    @Inject
    ActivityLog activityLog;

    @Inject
    ReportService reports;

    /** What one application of an erasure removed. */
    public record Outcome(int posts, int comments, int reactions, int follows, int memberships, int notificationsOfOthers,
                          int attachments, int mentionsUnlinked, long loggedActivities, int reportsAnonymised) {
    }

    void onPersonErased(@Observes PersonErased erased) {
        apply(erased.personIri(), erased.actorIri());
    }

    /** Applies the erasure of {@code personIri}, asked by {@code actorIri}; see the class comment. */
    public Outcome apply(String personIri, String actorIri) {
        long logged = activityLog.forget(personIri);
        int postCount = 0;
        for (Post p : posts.writtenBy(personIri)) {
            postService.tombstone(p, actorIri, null);
            posts.anonymise(p.iri(), FORMER_AUTHOR);
            postCount++;
        }
        int commentCount = 0;
        for (Comment c : comments.writtenBy(personIri)) {
            commentService.tombstone(c, actorIri, null);
            comments.anonymise(c.iri(), FORMER_AUTHOR);
            commentCount++;
        }
        int reactionCount = reactions.withdrawAll(personIri);
        int followCount = follows.forget(personIri);
        int membershipCount = communities.forget(personIri);
        int reportCount = reports.forgetReporter(personIri, FORMER_AUTHOR);
        List<Notification> retractedOfOthers = notifications.forget(personIri);
        notices.announceTakenBack(retractedOfOthers); // open pages drop them, and their badges follow, without a reload
        int retracted = retractedOfOthers.size();
        timelines.forget(personIri);
        int files = attachments.forget(personIri);
        int unlinked = mentions.unlink(personIri, actorIri);
        logged += activityLog.forget(personIri);
        Outcome outcome = new Outcome(postCount, commentCount, reactionCount, followCount, membershipCount, retracted, files,
                unlinked, logged, reportCount);
        audit.record(actorIri, AUDIT_ACTION, personIri, null, "erasure on request: " + postCount + " posts, "
                + commentCount + " comments, " + reactionCount + " reactions, " + followCount + " follows, "
                + membershipCount + " memberships, " + files + " attachments, " + logged + " logged activities removed; "
                + reportCount + " reports anonymised; " + retracted
                + " notifications of others retracted; " + unlinked + " mentions in others' words unlinked", 0, Instant.now());
        LOG.infof("erasure of %s applied: %s", personIri, outcome);
        return outcome;
    }
}
