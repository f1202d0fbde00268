package io.relais.search.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each figure's definition on a small constructed data set, with the values computed by hand in the comments.
 * Period: Monday 2 to Sunday 15 November 2026, weekly buckets.
 */
class InsightsCalculationTest {

    static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-15T23:59:59.999Z");

    static Fact post(String id, String author, String at, boolean question, String... tags) {
        return new Fact(Fact.Kind.POST, id, author, Instant.parse(at), null, question, List.of(tags), true, id);
    }

    static Fact comment(String id, String author, String on, String at, String... tags) {
        return new Fact(Fact.Kind.COMMENT, id, author, Instant.parse(at), on, false, List.of(tags), true, null);
    }

    static Fact reaction(String id, String author, String on, String at) {
        return new Fact(Fact.Kind.REACTION, id, author, Instant.parse(at), on, false, List.of(), true, null);
    }

    static MembershipChange join(String id, String person, String at) {
        return new MembershipChange(id, person, "urn:relais:community:c", Instant.parse(at), true);
    }

    static MembershipChange leave(String id, String person, String at) {
        return new MembershipChange(id, person, "urn:relais:community:c", Instant.parse(at), false);
    }

    /*
     * Week 1 (2–8 Nov): ann asks p1 (a question) at 10:00; ann comments on it herself at 10:05 (not a reply), cat
     * replies at 10:30 (30 min); ben posts p2; ann posts p3 tagged #question, dan replies 90 min later; ben comments
     * on p2; eve reacts to p1. Active: ann, ben, cat, dan, eve = 5. Contributors: ann 3, ben 2, cat 1, dan 1 = 4.
     * Week 2 (9–15 Nov): cat asks p4, nobody answers; ann reacts to it. Active: cat, ann = 2.
     */
    static final List<Fact> FACTS = List.of(
            post("p1", "ann", "2026-11-02T10:00:00Z", true, "rooms"),
            comment("c1", "ann", "p1", "2026-11-02T10:05:00Z"),
            comment("c2", "cat", "p1", "2026-11-02T10:30:00Z", "rooms"),
            post("p2", "ben", "2026-11-03T09:00:00Z", false, "onboarding"),
            post("p3", "ann", "2026-11-04T12:00:00Z", true, "question"),
            comment("c3", "dan", "p3", "2026-11-04T13:30:00Z", "rooms"),
            comment("c4", "ben", "p2", "2026-11-05T08:00:00Z"),
            reaction("r1", "eve", "p1", "2026-11-06T08:00:00Z"),
            post("p4", "cat", "2026-11-10T15:00:00Z", true),
            reaction("r2", "ann", "p4", "2026-11-10T16:00:00Z"),
            post("late", "ann", "2026-11-16T00:00:00Z", false));

    /* ann, ben, cat members since October; dan joins 3 Nov, eve 4 Nov; ben's role changes 5 Nov (a Join again);
     * dan leaves 12 Nov; fran joins after the period. */
    static final List<MembershipChange> CHANGES = List.of(
            join("j1", "ann", "2026-10-01T00:00:00Z"), join("j2", "ben", "2026-10-01T00:00:00Z"),
            join("j3", "cat", "2026-10-01T00:00:00Z"), join("j4", "dan", "2026-11-03T00:00:00Z"),
            join("j5", "eve", "2026-11-04T00:00:00Z"), join("j6", "ben", "2026-11-05T00:00:00Z"),
            leave("l1", "dan", "2026-11-12T00:00:00Z"), join("j7", "fran", "2026-11-20T00:00:00Z"));

    static InsightsCalculation weekly(int minGroup) {
        return new InsightsCalculation(FACTS, CHANGES, FROM, TO, Bucket.WEEK, minGroup);
    }

    @Test
    void activeMembersAreDistinctPeopleWhoWroteOrReactedPerBucket() {
        List<Insights.Figures> weeks = weekly(2).buckets();
        assertThat(weeks).extracting(Insights.Figures::start)
                .containsExactly(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"));
        assertThat(weeks).extracting(Insights.Figures::activeMembers).containsExactly(5L, 2L);
        assertThat(weekly(2).period().activeMembers()).isEqualTo(5L);
    }

    @Test
    void contributorsArePeopleWhoPostedOrCommentedNotThoseWhoOnlyReacted() {
        // week 1: ann, ben, cat, dan (eve only reacted); week 2: cat (ann only reacted)
        assertThat(weekly(1).buckets()).extracting(Insights.Figures::contributors).containsExactly(4L, 1L);
    }

    @Test
    void postsCommentsAndReactionsAreCountedInTheBucketTheyWerePublishedIn() {
        Insights.Figures w1 = weekly(2).buckets().get(0);
        assertThat(List.of(w1.posts(), w1.comments(), w1.reactions())).containsExactly(3L, 4L, 1L);
        Insights.Figures period = weekly(2).period();
        // the post published after the period is not counted
        assertThat(List.of(period.posts(), period.comments(), period.reactions())).containsExactly(4L, 4L, 2L);
    }

    @Test
    void questionsAnsweredCountOnlyRepliesFromSomeoneOtherThanTheAsker() {
        Insights.Figures period = weekly(2).period();
        // p1 (ends with "?"), p3 (#question), p4: 3 questions; p1 and p3 answered by others, p4 not
        assertThat(period.questions()).isEqualTo(3L);
        assertThat(period.questionsAnswered()).isEqualTo(2L);
    }

    @Test
    void medianTimeToFirstReplyIsInMinutesFromTheQuestionToTheFirstReplyBySomeoneElse() {
        // p1: cat at +30 min (ann's own comment at +5 does not count); p3: dan at +90 min; median of {30, 90} = 60
        assertThat(weekly(2).period().medianMinutesToFirstReply()).isEqualTo(60.0);
        Insights.Figures w2 = weekly(2).buckets().get(1);
        assertThat(w2.medianMinutesToFirstReply()).isNull();
        assertThat(w2.withheld()).containsEntry("medianMinutesToFirstReply", "no question was answered");
    }

    @Test
    void memberGrowthIsJoinsMinusLeavesAndARoleChangeIsNotAJoin() {
        List<Insights.Figures> weeks = weekly(2).buckets();
        // week 1: ann, ben, cat + dan + eve = 5 at its end; 2 joins (ben's role change is not one)
        assertThat(weeks.get(0).members()).isEqualTo(5L);
        assertThat(weeks.get(0).joins()).isEqualTo(2L);
        assertThat(weeks.get(0).memberGrowth()).isEqualTo(2L);
        // week 2: dan leaves; fran joins after the period
        assertThat(weeks.get(1).members()).isEqualTo(4L);
        assertThat(weeks.get(1).leaves()).isEqualTo(1L);
        assertThat(weeks.get(1).memberGrowth()).isEqualTo(-1L);
        assertThat(weekly(2).period().memberGrowth()).isEqualTo(1L);
    }

    @Test
    void participationIsTheShareOfContentByTheTopOnePercentTheNextNineAndTheOtherNinety() {
        // period content: ann 3 (p1, c1, p3), ben 2, cat 2, dan 1 = 8; n = 4: top 1% = ceil(0.04) = 1 person,
        // top 10% = ceil(0.4) = 1 person, so next 9% is nobody: 3/8 = 37.5%, 0%, 5/8 = 62.5%
        assertThat(weekly(2).period().participation()).isEqualTo(new Insights.Participation(37.5, 0.0, 62.5));
    }

    @Test
    void participationAmongTwentyContributorsPutsOneInTheTopOnePercentAndOneInTheNextNine() {
        // 20 people: one wrote 10, one 5, eighteen 1 each = 33; top 1% = 1 person (10/33 = 30.3%), top 10% = 2
        // people so the next 9% is the second (5/33 = 15.2%), the other 90% wrote 18/33 = 54.5%
        List<Long> counts = new ArrayList<>(List.of(10L, 5L));
        for (int i = 0; i < 18; i++) counts.add(1L);
        Collections.shuffle(counts, new Random(7));
        assertThat(InsightsCalculation.participation(counts)).isEqualTo(new Insights.Participation(30.3, 15.2, 54.5));
    }

    @Test
    void topHashtagsListOnlyTagsUsedByEnoughDifferentPeople() {
        // #rooms: ann, cat, dan = 3 people, 3 uses; #onboarding and #question: 1 person each
        assertThat(weekly(3).topHashtags()).containsExactly(new Insights.Hashtag("rooms", 3, 3));
        assertThat(weekly(4).topHashtags()).isEmpty();
    }

    @Test
    void contentTheCallerMayNotReadNamesNoHashtagContributorOrPost() {
        List<Fact> unreadable = FACTS.stream().map(f -> new Fact(f.kind(), f.id(), f.author(), f.at(), f.thread(),
                f.question(), f.hashtags(), false, f.title())).toList();
        InsightsCalculation calc = new InsightsCalculation(unreadable, CHANGES, FROM, TO, Bucket.WEEK, 3);
        assertThat(calc.period().posts()).isEqualTo(4L);
        assertThat(calc.topHashtags()).isEmpty();
        assertThat(calc.topContributors(java.util.Map.of())).isEmpty();
        assertThat(calc.topPosts()).isEmpty();
    }

    @Test
    void aBucketWithFewerActivePeopleThanTheThresholdIsWithheldNotCounted() {
        List<Insights.Figures> weeks = weekly(5).buckets();
        // week 1 has exactly 5 active people: shown; week 2 has 2: every activity figure is null, with the reason
        assertThat(weeks.get(0).activeMembers()).isEqualTo(5L);
        Insights.Figures w2 = weeks.get(1);
        assertThat(java.util.Arrays.asList(w2.activeMembers(), w2.contributors(), w2.posts(), w2.comments(), w2.reactions(), w2.questions()))
                .containsOnlyNulls();
        assertThat(w2.withheld()).containsEntry("activeMembers", "fewer than 5 active people");
        // 4 members at the end of week 2: the membership figures are withheld too
        assertThat(w2.members()).isNull();
        assertThat(w2.withheld()).containsEntry("members", "fewer than 5 members");
        // week 1 has 4 contributors: its participation is withheld even though its activity is shown
        assertThat(weeks.get(0).participation()).isNull();
        assertThat(weeks.get(0).withheld()).containsEntry("participation", "fewer than 5 contributors");
    }

    @Test
    void dailyAndMonthlyBucketsCoverThePeriod() {
        InsightsCalculation daily = new InsightsCalculation(FACTS, CHANGES, FROM, TO, Bucket.DAY, 1);
        assertThat(daily.buckets()).hasSize(14);
        assertThat(daily.buckets().get(0).posts()).isEqualTo(1L);
        InsightsCalculation monthly = new InsightsCalculation(FACTS, CHANGES, FROM, TO, Bucket.MONTH, 1);
        assertThat(monthly.buckets()).extracting(Insights.Figures::start).containsExactly(LocalDate.parse("2026-11-01"));
        assertThat(monthly.buckets().get(0).posts()).isEqualTo(4L);
    }

    @Test
    void theOrderFactsAreReadInDoesNotChangeAnyFigure() {
        List<Fact> shuffled = new ArrayList<>(FACTS);
        Collections.shuffle(shuffled, new Random(42));
        List<MembershipChange> changes = new ArrayList<>(CHANGES);
        Collections.shuffle(changes, new Random(42));
        InsightsCalculation again = new InsightsCalculation(shuffled, changes, FROM, TO, Bucket.WEEK, 2);
        assertThat(again.buckets()).isEqualTo(weekly(2).buckets());
        assertThat(again.period()).isEqualTo(weekly(2).period());
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerBucketWithWithheldCellsEmpty() {
        InsightsCalculation calc = weekly(5);
        Insights i = new Insights("community", "urn:relais:community:c", "C", "public", FROM, TO, "week", 5, true,
                calc.period(), calc.buckets(), List.of(), List.of(), List.of(), Insights.DEFINITIONS);
        String[] lines = InsightsCsv.of(i).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("bucket_start,bucket_end,active_members,contributors,members");
        assertThat(lines[1]).startsWith("2026-11-02,2026-11-08,5,4,5,2,0,2,3,4,1,2,2,60.0,,,,");
        assertThat(lines[2]).startsWith("2026-11-09,2026-11-15,,,,,,,,,,,,,,,,");
        assertThat(lines[2]).contains("fewer than 5 active people");
    }
}
