package io.relais.search.analytics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The insights of a community, or of the organisation, over a period: figures for the whole period and per bucket,
 * each explained in {@code definitions}. A figure about fewer people than {@code minGroup} is null and its name is
 * in {@code withheld} with the reason.
 */
@Schema(description = "Community managers' insights over a period; every figure is defined in definitions")
public record Insights(
        @Schema(description = "community or organisation", example = "community") String scope,
        @Schema(description = "The community's IRI (null for the organisation)", example = "urn:relais:community:design-guild") String community,
        @Schema(example = "Design guild") String name,
        @Schema(description = "public, private or secret (null for the organisation)", example = "public") String visibility,
        Instant from,
        Instant to,
        @Schema(description = "day, week or month (UTC calendar buckets)", example = "week") String bucket,
        @Schema(description = "Smallest group of people a figure may be about", example = "5") int minGroup,
        @Schema(description = "Whether content and people (top hashtags, contributors, posts) are listed: only to those who may read them")
        boolean contentShown,
        @Schema(description = "The whole period") Figures period,
        @Schema(description = "One entry per bucket, oldest first") List<Figures> buckets,
        List<Hashtag> topHashtags,
        List<Contributor> topContributors,
        List<TopPost> topPosts,
        @Schema(description = "The announcements and cards of the period with the most openers (see definitions.topReach)")
        List<ItemReach> topReach,
        @Schema(description = "What each figure counts") Map<String, String> definitions) {

    /**
     * The figures of one bucket or of the whole period; null where withheld (see {@code withheld}) or where there
     * is nothing to measure (median time to first reply without an answered question).
     */
    public record Figures(
            @Schema(description = "First day (UTC)", example = "2026-11-16") LocalDate start,
            @Schema(description = "Last day (UTC, inclusive)", example = "2026-11-22") LocalDate end,
            @Schema(example = "12") Long activeMembers,
            @Schema(example = "7") Long contributors,
            @Schema(description = "People who opened something but neither wrote nor reacted (see definitions.readers)", example = "5")
            Long readers,
            @Schema(example = "40") Long members,
            @Schema(example = "3") Long joins,
            @Schema(example = "1") Long leaves,
            @Schema(example = "2") Long memberGrowth,
            @Schema(example = "9") Long posts,
            @Schema(example = "21") Long comments,
            @Schema(example = "48") Long reactions,
            @Schema(example = "4") Long questions,
            @Schema(example = "3") Long questionsAnswered,
            @Schema(example = "42.5") Double medianMinutesToFirstReply,
            Participation participation,
            @Schema(description = "Share of the audience of the bucket's announcements that opened them, in percent (see definitions)",
                    example = "62.5") Double announcementReach,
            @Schema(description = "Share of the audience of the bucket's business cards that opened them, in percent (see definitions)",
                    example = "18.2") Double cardReach,
            @Schema(description = "Figure name → why it is null") Map<String, String> withheld) {
    }

    /** Share of the content (posts + comments, in percent, one decimal) written by each group of contributors. */
    public record Participation(
            @Schema(example = "20.0") double top1Percent,
            @Schema(example = "45.5") double next9Percent,
            @Schema(example = "34.5") double other90Percent) {
    }

    public record Hashtag(@Schema(example = "onboarding") String tag, @Schema(example = "14") long uses,
                          @Schema(example = "6") long authors) {
    }

    public record Contributor(String id, String name, long posts, long comments, long reactions) {
    }

    public record TopPost(String id, String title, String author, Instant published, long comments, long reactions) {
    }

    /**
     * The reach of one announcement or card: how many of its audience opened it. Listed only when both the audience
     * and the openers are at least {@code minGroup} people; never says who.
     */
    public record ItemReach(
            @Schema(example = "urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70") String id,
            @Schema(description = "announcement or card", example = "announcement") String kind,
            @Schema(example = "Nouveau règlement télétravail") String title,
            Instant published,
            @Schema(description = "People it was addressed to (see definitions.announcementReach)", example = "40") long audience,
            @Schema(description = "Of them, how many opened it by the end of the period", example = "25") long openers,
            @Schema(description = "openers / audience, in percent (one decimal)", example = "62.5") double reach) {
    }

    /** The written definition of every figure, as the OpenAPI description and the web UI repeat it. */
    public static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("activeMembers", "distinct people who wrote (posted or commented), reacted or opened something (a post's "
                    + "thread, an announcement, a card) in the bucket: daily, weekly or monthly active people with day, week or "
                    + "month buckets. Opens are counted, never shown per person"),
            Map.entry("readers", "of the active people of the bucket, those who opened something but neither wrote nor reacted "
                    + "in it (compare with contributors: contributors vs readers)"),
            Map.entry("contributors", "distinct people who posted or commented in the bucket (reacting alone does not make a "
                    + "contributor); compare with members for contributors vs members"),
            Map.entry("members", "people who are members of the community at the end of the bucket (organisation: people who "
                    + "belong to at least one community), replayed from Join and Leave"),
            Map.entry("joins", "people who became members during the bucket (a role change is not a join)"),
            Map.entry("leaves", "people who stopped being members during the bucket"),
            Map.entry("memberGrowth", "joins minus leaves in the bucket"),
            Map.entry("posts", "posts published in the bucket and not deleted since"),
            Map.entry("comments", "comments and replies published in the bucket and not deleted since"),
            Map.entry("reactions", "reactions given in the bucket and not withdrawn"),
            Map.entry("questions", "posts published in the bucket whose title or text ends with a question mark, or tagged #question"),
            Map.entry("questionsAnswered", "of those questions, the ones that received a comment from someone other than the "
                    + "asker before the end of the requested period"),
            Map.entry("medianMinutesToFirstReply", "median, over the answered questions, of the whole minutes from the question "
                    + "to its first comment by someone other than the asker"),
            Map.entry("participation", "contributors ranked by posts + comments: share of that content written by the top 1% "
                    + "(rounded up, at least one person), by the next 9% (top 10% rounded up, minus the top 1%) and by the "
                    + "other 90%; withheld below minGroup contributors"),
            Map.entry("topHashtags", "the ten hashtags most used in readable posts and comments of the period, each only when "
                    + "at least minGroup different people used it"),
            Map.entry("topContributors", "the five people with the most posts + comments the caller may read in the period "
                    + "(reactions break ties); listed only when the period has at least minGroup active people"),
            Map.entry("topPosts", "the five readable posts of the period that received the most comments + reactions during it"),
            Map.entry("announcementReach", "for the announcements published in the bucket: the people of their audience who "
                    + "opened them (their thread, from publication to the end of the requested period; each person counted once "
                    + "per announcement), divided by the size of their audiences, in percent. An announcement's audience is the "
                    + "organisation: the people in the directory when the figures are computed. Withheld when no announcement "
                    + "was published in the bucket, or fewer than minGroup different people opened them"),
            Map.entry("cardReach", "the same share for the business cards published in the bucket (CRM, documents, HR events): "
                    + "a card addressed to a community has that community's members at its publication as audience, one "
                    + "addressed to the organisation the people in the directory; withheld as announcementReach"),
            Map.entry("topReach", "the five readable announcements and cards published in the period with the most openers "
                    + "from their audience, with audience size, openers and reach; an item is listed only when both its audience "
                    + "and its openers are at least minGroup people. Nobody is told who opened what"),
            Map.entry("withheld", "a figure about fewer than minGroup people (active people of the bucket for the activity "
                    + "figures, members at its end for the membership figures, contributors for participation, openers for "
                    + "reach) is null, never a number"));
}
