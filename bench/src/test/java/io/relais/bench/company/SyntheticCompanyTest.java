package io.relais.bench.company;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCompanyTest {

    private static final SyntheticCompany COMPANY = SyntheticCompany.generate(4_000, 7);

    @Test
    void theSameSeedGivesTheSameCompany() {
        SyntheticCompany again = SyntheticCompany.generate(4_000, 7);

        for (int i = 0; i < COMPANY.size(); i += 97) {
            assertThat(again.person(i)).isEqualTo(COMPANY.person(i));
            assertThat(again.follows(i)).containsExactly(COMPANY.follows(i));
        }
        assertThat(again.communities()[3].members()).containsExactly(COMPANY.communities()[3].members());
    }

    @Test
    void aPersonFollowsAboutAHundredPeopleAtTheMedianWithAHeavyTail() {
        int[] degrees = Arrays.stream(range()).map(i -> COMPANY.follows(i).length).sorted().toArray();

        assertThat(COMPANY.followsMedian()).isBetween(90, 110);
        assertThat(degrees[degrees.length * 99 / 100]).isGreaterThan(5 * COMPANY.followsMedian());
        assertThat(Arrays.stream(range()).allMatch(i -> Arrays.stream(COMPANY.follows(i)).distinct().count()
                == COMPANY.follows(i).length && Arrays.stream(COMPANY.follows(i)).noneMatch(t -> t == i))).isTrue();
    }

    @Test
    void popularityIsSkewedSoSomePeopleHaveThousandsOfFollowers() {
        int[] followers = Arrays.stream(COMPANY.followerCounts()).sorted().toArray();

        assertThat(followers[followers.length - 1]).isGreaterThan(20 * followers[followers.length / 2]);
    }

    @Test
    void communitySizesAreHeavyTailedAndCappedAtFiftyThousand() {
        SyntheticCompany large = SyntheticCompany.generate(
                new SyntheticCompany.Shape(60_000, 5, 0.5, 1_500, 1.0, 8, SyntheticCompany.MAX_COMMUNITY, 0.6), 3);
        int[] sizes = Arrays.stream(large.communities()).mapToInt(c -> c.members().length).sorted().toArray();

        assertThat(sizes[sizes.length - 1]).isEqualTo(50_000);
        assertThat(sizes[sizes.length / 2]).isBetween(8, 40);
        assertThat(sizes[sizes.length * 99 / 100]).isGreaterThan(10 * sizes[sizes.length / 2]);
        assertThat(Arrays.stream(large.communities()[0].members()).distinct().count()).isEqualTo(50_000);
    }

    @Test
    void aboutSixPeopleInTenWorkInFrench() {
        long french = Arrays.stream(range()).filter(i -> COMPANY.person(i).lang().equals("fr")).count();

        assertThat(french / (double) COMPANY.size()).isBetween(0.55, 0.65);
    }

    @Test
    void theMixIsMostlyReactionsAndEveryActivityHonoursTheContract() {
        ActivityMix mix = new ActivityMix(COMPANY, 11);
        int posts = 0, likes = 0, business = 0;
        for (int i = 0; i < 2_000; i++) {
            Activity a = mix.next();
            Activity parsed = ActivityJson.read(ActivityJson.write(a)); // throws on any contract violation
            if (parsed.type().equals("Like")) likes++;
            else if (parsed.generator() != null) business++;
            else if (parsed.object().inReplyTo() == null) posts++;
        }

        assertThat(likes).isBetween(800, 1_000);
        assertThat(posts).isBetween(220, 400);
        assertThat(business).isBetween(220, 380);
    }

    private static int[] range() {
        return java.util.stream.IntStream.range(0, COMPANY.size()).toArray();
    }
}
