package io.relais.web.moderation;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Moderation's own words in English ({@code mod:} in templates): the Report action, the queues, the audit log, the
 * keyword rules, the author's notices and the "hidden" marks. French in {@code messages/mod_fr.properties}.
 */
@MessageBundle("mod")
public interface ModerationMsg {
    @Message("Report") String report();
    @Message("Report this post") String reportPost();
    @Message("Report this comment") String reportComment();
    @Message("Why are you reporting it?") String reasonQuestion();
    @Message("Spam or advertising") String reasonSpam();
    @Message("Harassment or insults") String reasonHarassment();
    @Message("Off-topic") String reasonOffTopic();
    @Message("Confidential information") String reasonConfidential();
    @Message("Something else") String reasonOther();
    @Message("A word for the moderators (optional)") String reportComment500();
    @Message("Send the report") String sendReport();
    @Message("Cancel") String cancel();
    @Message("Choose a reason.") String chooseReason();
    @Message("Thank you: the moderators will look at it. Only they see your report.") String reported();
    @Message("You had already reported it: the moderators have your report.") String alreadyReported();
    @Message("Back to the post") String backToPost();
    @Message("Moderation") String moderation();
    @Message("Moderation of {name}") String communityModeration(Object name);
    @Message("Reported and held posts and comments, most recently reported first. The reason you give is shown to the author.") String queueIntro();
    @Message("To review") String openTab();
    @Message("Hidden") String hiddenTab();
    @Message("Nothing to review.") String emptyQueue();
    @Message("Nothing is hidden.") String emptyHidden();
    @Message("{count} report(s)") String reportCount(Object count);
    @Message("Held by the keyword rule “{term}”") String heldBy(Object term);
    @Message("post") String kindPost();
    @Message("comment") String kindComment();
    @Message("business card") String kindCard();
    @Message("Hidden by {name}") String hiddenBy(Object name);
    @Message("Organisation-wide") String organisationWide();
    @Message("Open the thread") String openThread();
    @Message("Reporters' words") String reporterWords();
    @Message("Reason (shown to the author)") String decisionReason();
    @Message("Hide") String hide();
    @Message("Restore") String restore();
    @Message("Remove") String remove();
    @Message("Remove it for good? Its author is told why.") String removeConfirm();
    @Message("Only community managers and administrators restore what the organisation hid.") String restoreNotYours();
    @Message("No decision on it is yours to take: nobody decides on what they wrote.") String noDecision();
    @Message("Give a reason: the author will read it.") String reasonRequired();
    @Message("Hidden. The author is told why.") String doneHide();
    @Message("Restored. The author is told.") String doneRestore();
    @Message("Removed. The author is told why.") String doneRemove();
    @Message("Nothing changed: it was already in that state.") String unchanged();
    @Message("You do not moderate anything here: this page is for the owners and moderators of a community, community managers and administrators.") String refused();
    @Message("hidden by moderation") String hiddenMark();
    @Message("Reason: {reason}") String reasonIs(Object reason);
    @Message("Audit log") String audit();
    @Message("Every moderation and governance action: who, what, when, why. Append-only.") String auditIntro();
    @Message("Download the whole log (CSV)") String auditCsv();
    @Message("When") String auditAt();
    @Message("Who") String auditActor();
    @Message("Action") String auditAction();
    @Message("What") String auditObject();
    @Message("Community") String auditCommunity();
    @Message("Why") String auditReason();
    @Message("Reports") String auditReports();
    @Message("Older entries") String auditOlder();
    @Message("The log is empty.") String auditEmpty();
    @Message("Keyword rules") String rules();
    @Message("Words or phrases checked in every new or edited post and comment, without regard to case or accents. Block: refused, the author is told which rule. Hold: published hidden until a moderator restores it.") String rulesIntro();
    @Message("No rules.") String noRules();
    @Message("Word or phrase (2 to 100 characters)") String ruleTerm();
    @Message("What happens") String ruleMode();
    @Message("Block") String modeBlock();
    @Message("Hold for review") String modeHold();
    @Message("Add the rule") String addRule();
    @Message("Remove the rule") String removeRule();
    @Message("The rules were saved.") String rulesSaved();
    @Message("A rule is 2 to 100 characters.") String ruleTermRule();
    @Message("Moderators hid your post.") String nHiddenPost();
    @Message("Moderators hid your comment.") String nHiddenComment();
    @Message("Moderators restored your post.") String nRestoredPost();
    @Message("Moderators restored your comment.") String nRestoredComment();
    @Message("Moderators removed your post.") String nRemovedPost();
    @Message("Moderators removed your comment.") String nRemovedComment();
    @Message("Moderators") String moderators();
    // the audit log's actions (feed-service's codes, AuditRows)
    @Message("Hidden") String auditHide();
    @Message("Restored") String auditRestore();
    @Message("Removed") String auditRemove();
    @Message("Held by a keyword rule") String auditHold();
    @Message("Keyword rules changed") String auditRulesChanged();
    @Message("Retention set") String auditRetentionSet();
    @Message("Deleted by retention") String auditRetentionDelete();
    @Message("Retention run") String auditRetentionRun();
    @Message("Legal hold placed") String auditLegalHold();
    @Message("Legal hold lifted") String auditLegalHoldLifted();
    @Message("Personal data erased") String auditErasure();
}
