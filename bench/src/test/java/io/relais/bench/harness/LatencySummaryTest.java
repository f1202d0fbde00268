package io.relais.bench.harness;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTest {

    @Test
    void percentilesOfAUniformDistributionAreWhereTheyShouldBe() {
        Histogram h = LatencySummary.newMicrosHistogram();
        for (long micros = 1; micros <= 10_000; micros++) h.recordValue(micros);

        LatencySummary s = LatencySummary.ofMicros(h);

        assertThat(s.count()).isEqualTo(10_000);
        assertThat(s.p50()).isCloseTo(5.0, within(0.01));
        assertThat(s.p99()).isCloseTo(9.9, within(0.01));
        assertThat(s.p999()).isCloseTo(9.99, within(0.01));
        assertThat(s.max()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void aSingleSlowOutlierShowsInTheTailButNotTheMedian() {
        Histogram h = LatencySummary.newMicrosHistogram();
        for (int i = 0; i < 999; i++) h.recordValue(1_000);
        h.recordValue(2_000_000);

        LatencySummary s = LatencySummary.ofMicros(h);

        assertThat(s.p50()).isCloseTo(1.0, within(0.01));
        assertThat(s.p99()).isCloseTo(1.0, within(0.01));
        assertThat(s.max()).isCloseTo(2000.0, within(2.0));
    }

    @Test
    void anEmptyRunHasNoPercentiles() {
        assertThat(LatencySummary.ofMicros(LatencySummary.newMicrosHistogram()).inline()).isEqualTo("no samples");
    }
}
