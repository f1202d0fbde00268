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
    @Message("What your communities do, period by period, and what each figure counts. Figures about fewer than {min} people are withheld; reading is not recorded, so no one's reading is ever shown.") String intro(Object min);
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
    @Message("Reach of announcements and business cards") String fReach();
    @Message("Distinct people who posted, commented or reacted in the bucket (daily, weekly or monthly active people). Reading is not recorded: readers who never write or react are not counted, and no one's reading is shown.") String dActive();
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
    @Message("Not available: Relais does not record who opens an announcement or a business card, so no reach is computed.") String dReach();
    @Message("Withheld: fewer than {min} people.") String withheldFigure(Object min);
}
