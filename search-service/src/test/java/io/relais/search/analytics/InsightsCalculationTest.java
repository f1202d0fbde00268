package io.relais.search.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

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
                calc.period(), calc.buckets(), List.of(), List.of(), List.of(), List.of(), Insights.DEFINITIONS);
        String[] lines = InsightsCsv.of(i).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("bucket_start,bucket_end,active_members,contributors,readers,members");
        assertThat(lines[1]).startsWith("2026-11-02,2026-11-08,5,4,0,5,2,0,2,3,4,1,2,2,60.0,,,,,,");
        assertThat(lines[2]).startsWith("2026-11-09,2026-11-15,,,,,,,,,,,,,,,,,,,");
        assertThat(lines[2]).contains("fewer than 5 active people");
    }

    // ----- reach of announcements and cards, readers (opens)

    static Opening open(String item, String reader, String at) {
        return new Opening(item, reader, Instant.parse(at));
    }

    static final String C = "urn:relais:community:c";

    /* The directory (the organisation's audience): ann, ben, cat, dan, eve, fran, gil, hal = 8 people (not zed). */
    static final Set<String> DIRECTORY = Set.of("ann", "ben", "cat", "dan", "eve", "fran", "gil", "hal");

    /* a1: announcement, Tue 3 Nov 09:00; k1: card to community c, Fri 6 Nov 00:00 (members then: ann, ben, cat, dan, eve
     * = 5, see CHANGES); a2: announcement, Wed 11 Nov 09:00. */
    static final List<ReachItem> ITEMS = List.of(
            new ReachItem("a1", ReachItem.Kind.ANNOUNCEMENT, "Règlement", Instant.parse("2026-11-03T09:00:00Z"), null, true),
            new ReachItem("k1", ReachItem.Kind.CARD, "Contrat signé", Instant.parse("2026-11-06T00:00:00Z"), C, true),
            new ReachItem("a2", ReachItem.Kind.ANNOUNCEMENT, "Fermeture", Instant.parse("2026-11-11T09:00:00Z"), null, true));

    /*
     * a1 opened by ann (twice, two days: once), ben, cat, dan in week 1, eve in week 2, and zed (not in the directory:
     * not its audience) → 5 of 8 = 62.5 %. k1 opened by cat, dan (members) and fran (not a member) → 2 of 5 = 40.0 %.
     * a2 opened by ann and ben → 2 of 8 = 25.0 %. One opening before the period is ignored.
     * Week 1 openers: ann, ben, cat, dan, zed, fran; of them zed and fran neither wrote nor reacted that week → readers 2,
     * active 5 + 2 = 7. Week 2 openers: eve, ann, ben; cat and ann wrote or reacted → readers eve, ben = 2, active 4.
     */
    static final List<Opening> OPENINGS = List.of(
            open("a1", "ann", "2026-11-03T09:30:00Z"), open("a1", "ben", "2026-11-03T10:00:00Z"),
            open("a1", "zed", "2026-11-03T11:00:00Z"), open("a1", "ann", "2026-11-04T09:00:00Z"),
            open("a1", "cat", "2026-11-04T08:00:00Z"), open("a1", "dan", "2026-11-05T08:00:00Z"),
            open("k1", "cat", "2026-11-06T09:00:00Z"), open("k1", "dan", "2026-11-07T09:00:00Z"),
            open("k1", "fran", "2026-11-07T10:00:00Z"), open("a1", "eve", "2026-11-10T08:00:00Z"),
            open("a2", "ann", "2026-11-11T10:00:00Z"), open("a2", "ben", "2026-11-12T10:00:00Z"),
            open("old", "gil", "2026-10-30T10:00:00Z"));

    static InsightsCalculation withOpens(int minGroup, List<ReachItem> items) {
        return new InsightsCalculation(FACTS, CHANGES, OPENINGS, items, DIRECTORY, FROM, TO, Bucket.WEEK, minGroup);
    }

    @Test
    void readersOpenedSomethingButNeitherWroteNorReactedAndCountAsActive() {
        List<Insights.Figures> weeks = withOpens(2, ITEMS).buckets();
        assertThat(weeks).extracting(Insights.Figures::readers).containsExactly(2L, 2L);
        assertThat(weeks).extracting(Insights.Figures::activeMembers).containsExactly(7L, 4L);
        // opening does not make a contributor (week 2: cat posted, ann only reacted)
        assertThat(weeks).extracting(Insights.Figures::contributors).containsExactly(4L, 1L);
        // the period: writers and reactors ann, ben, cat, dan, eve; openers who did neither: zed, fran → 2, active 7
        assertThat(withOpens(2, ITEMS).period().readers()).isEqualTo(2L);
        assertThat(withOpens(2, ITEMS).period().activeMembers()).isEqualTo(7L);
    }

    @Test
    void announcementReachIsTheShareOfTheOrganisationThatOpenedTheBucketsAnnouncements() {
        List<Insights.Figures> weeks = withOpens(2, ITEMS).buckets();
        // week 1: a1, 5 of 8 (eve's open in week 2 counts: up to the end of the period); week 2: a2, 2 of 8
        assertThat(weeks).extracting(Insights.Figures::announcementReach).containsExactly(62.5, 25.0);
        // the period: (5 + 2) of (8 + 8) = 43.75 → 43.8
        assertThat(withOpens(2, ITEMS).period().announcementReach()).isEqualTo(43.8);
    }

    @Test
    void cardReachCountsOnlyTheCommunitysMembersAtPublication() {
        List<Insights.Figures> weeks = withOpens(2, ITEMS).buckets();
        // k1: cat and dan of the 5 members (fran is not one) = 40.0; no card in week 2
        assertThat(weeks.get(0).cardReach()).isEqualTo(40.0);
        assertThat(weeks.get(1).cardReach()).isNull();
        assertThat(weeks.get(1).withheld()).containsEntry("cardReach", "no card was published in the bucket");
    }

    @Test
    void reachOpenedByFewerPeopleThanTheThresholdIsWithheld() {
        List<Insights.Figures> weeks = withOpens(5, ITEMS).buckets();
        assertThat(weeks.get(0).announcementReach()).as("5 openers of a1: shown").isEqualTo(62.5);
        assertThat(weeks.get(0).cardReach()).isNull();
        assertThat(weeks.get(0).withheld()).containsEntry("cardReach", "fewer than 5 people opened them");
        assertThat(weeks.get(1).announcementReach()).isNull();
        assertThat(weeks.get(1).withheld()).containsEntry("announcementReach", "fewer than 5 people opened them");
        // week 2 has 4 active people (2 of them readers): its readers are withheld with the other activity figures
        assertThat(weeks.get(1).readers()).isNull();
        assertThat(weeks.get(1).withheld()).containsEntry("readers", "fewer than 5 active people");
        assertThat(weeks.get(0).readers()).isEqualTo(2L);
    }

    @Test
    void topReachListsItemsWhoseAudienceAndOpenersReachTheThreshold() {
        assertThat(withOpens(5, ITEMS).topReach()).containsExactly(
                new Insights.ItemReach("a1", "announcement", "Règlement", Instant.parse("2026-11-03T09:00:00Z"), 8, 5, 62.5));
        assertThat(withOpens(2, ITEMS).topReach()).extracting(Insights.ItemReach::id, Insights.ItemReach::openers,
                Insights.ItemReach::audience, Insights.ItemReach::reach).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a1", 5L, 8L, 62.5), org.assertj.core.groups.Tuple.tuple("k1", 2L, 5L, 40.0),
                org.assertj.core.groups.Tuple.tuple("a2", 2L, 8L, 25.0));
    }

    @Test
    void anItemTheCallerMayNotReadIsCountedButNotListed() {
        List<ReachItem> unreadable = ITEMS.stream()
                .map(i -> new ReachItem(i.id(), i.kind(), i.title(), i.published(), i.community(), false)).toList();
        assertThat(withOpens(2, unreadable).topReach()).isEmpty();
        assertThat(withOpens(2, unreadable).buckets().get(0).announcementReach()).isEqualTo(62.5);
    }

    @Test
    void theOrderOpensAreReadInDoesNotChangeAnyFigure() {
        List<Opening> shuffled = new ArrayList<>(OPENINGS);
        Collections.shuffle(shuffled, new Random(7));
        List<ReachItem> items = new ArrayList<>(ITEMS);
        Collections.shuffle(items, new Random(7));
        InsightsCalculation again = new InsightsCalculation(FACTS, CHANGES, shuffled, items, DIRECTORY, FROM, TO, Bucket.WEEK, 2);
        assertThat(again.buckets()).isEqualTo(withOpens(2, ITEMS).buckets());
        assertThat(again.topReach()).isEqualTo(withOpens(2, ITEMS).topReach());
    }

    @Test
    void theCsvGainsReadersAndReachColumnsAndNamesNoReader() {
        InsightsCalculation calc = withOpens(2, ITEMS);
        Insights i = new Insights("organisation", null, null, null, FROM, TO, "week", 2, true, calc.period(), calc.buckets(),
                List.of(), List.of(), List.of(), calc.topReach(), Insights.DEFINITIONS);
        String csv = InsightsCsv.of(i);
        String[] lines = csv.split("\n");
        assertThat(lines[0]).contains(",readers,").contains(",announcement_reach_pct,card_reach_pct,withheld");
        assertThat(lines[1]).startsWith("2026-11-02,2026-11-08,7,4,2,").contains(",62.5,40.0,");
        assertThat(lines[2]).contains(",25.0,,");
        for (String person : List.of("zed", "fran", "gil", "hal")) assertThat(csv).doesNotContain(person);
    }
}
