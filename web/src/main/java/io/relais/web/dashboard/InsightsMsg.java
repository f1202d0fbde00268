package io.relais.web.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's own words in English ({@code ins:} in templates); French in {@code messages/ins_fr.properties}.
 * Definitions repeat search-service's ({@code Insights.DEFINITIONS}) for readers.
 */
@MessageBundle("ins")
public interface InsightsMsg {
    @Message("Insights") String title();
    @Message("What your communities do, period by period, and what each figure counts. Figures about fewer than {min} people are withheld; opens are counted, never shown per person: no one sees what someone else read.") String intro(Object min);
    @Message("Whole organisation") String organisation();
    @Message("Scope") String scope();
    @Message("Buckets") String bucket();
    @Message("Days") String day();
    @Message("Weeks") String week();
    @Message("Months") String month();
    @Message("Last 12 months") String lastYear();
    @Message("Download CSV (one row per bucket)") String csv();
    @Message("Contributions per bucket") String activityChart();
    @Message("Active people per bucket") String peopleChart();
    @Message("Contributors") String contributors();
    @Message("Reacted only") String reactedOnly();
    @Message("Opened only (readers)") String openedOnly();
    @Message("Readers") String fReaders();
    @Message("Reach of announcements per bucket (% of their audience)") String announcementChart();
    @Message("Reach of business cards per bucket (% of their audience)") String cardChart();
    @Message("Announcement reach") String fAnnouncementReach();
    @Message("Business card reach") String fCardReach();
    @Message("Most opened announcements and cards") String topReach();
    @Message("Announcement") String kindAnnouncement();
    @Message("Card") String kindCard();
    @Message("Audience") String audience();
    @Message("Opened by") String openers();
    @Message("Reach") String reach();
    @Message("None opened by at least {min} people of an audience of at least {min}.") String noReach(Object min);
    @Message("Dashed: withheld (too few people).") String withheldNote();
    @Message("withheld") String withheld();
    @Message("Whole period") String wholePeriod();
    @Message("Bucket") String bucketStart();
    @Message("Figures per bucket") String perBucket();
    @Message("Top hashtags") String topHashtags();
    @Message("uses") String uses();
    @Message("people") String authors();
    @Message("None used by at least {min} people.") String noHashtag(Object min);
    @Message("This community is private or secret and you are not a member: its figures are shown, but none of its content or people.") String contentHidden();
    @Message("Active people") String fActive();
    @Message("Members") String fMembers();
    @Message("Joins") String fJoins();
    @Message("Leaves") String fLeaves();
    @Message("Member growth") String fGrowth();
    @Message("Questions") String fQuestions();
    @Message("Questions answered") String fAnswered();
    @Message("Median time to first reply (min)") String fMedian();
    @Message("Participation (top 1% / next 9% / other 90%)") String fParticipation();
    @Message("Distinct people who posted, commented, reacted or opened something (a thread, an announcement, a card) in the bucket: daily, weekly or monthly active people. Opens are counted, never shown per person.") String dActive();
    @Message("Active people who opened something but neither wrote nor reacted in the bucket (contributors vs readers).") String dReaders();
    @Message("Distinct people who posted or commented in the bucket; reacting alone does not make a contributor. Compare with members.") String dContributors();
    @Message("Members of the community at the end of the bucket (organisation: people in at least one community).") String dMembers();
    @Message("People who became members during the bucket (a role change is not a join).") String dJoins();
    @Message("People who stopped being members during the bucket.") String dLeaves();
    @Message("Joins minus leaves.") String dGrowth();
    @Message("Posts published in the bucket and not deleted since.") String dPosts();
    @Message("Comments and replies published in the bucket and not deleted since.") String dComments();
    @Message("Reactions given in the bucket and not withdrawn.") String dReactions();
    @Message("Posts whose title or text ends with a question mark, or tagged #question.") String dQuestions();
    @Message("Questions that received a comment from someone other than the asker before the end of the period.") String dAnswered();
    @Message("Median, over answered questions, of the whole minutes from the question to its first reply by someone else.") String dMedian();
    @Message("Contributors ranked by posts + comments: share of that content written by the top 1% (at least one person), the next 9% and the other 90%.") String dParticipation();
    @Message("Hashtags most used in the posts and comments you may read, each only when at least {min} people used it.") String dHashtags(Object min);
    @Message("People of their audience (the whole directory) who opened the announcements published in the bucket, by the end of the period, divided by the audience: each person counted once per announcement. Withheld when fewer than {min} people opened them.") String dAnnouncementReach(Object min);
    @Message("The same share for the business cards published in the bucket; a card addressed to a community has its members at publication as audience.") String dCardReach();
    @Message("Announcements and cards of the period opened by the most people of their audience; listed only when the audience and the openers are both at least {min} people. Nobody is told who opened what.") String dTopReach(Object min);
    @Message("Withheld: fewer than {min} people.") String withheldFigure(Object min);
}
