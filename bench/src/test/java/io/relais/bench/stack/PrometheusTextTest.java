package io.relais.bench.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # TYPE relais_feed_timeline_entries_written_total counter
            relais_feed_timeline_entries_written_total{timeline="home"} 1200.0
            relais_feed_timeline_entries_written_total{timeline="source"} 34.0
            # TYPE relais_feed_fanout_busy_seconds summary
            relais_feed_fanout_busy_seconds_count 17.0
            relais_feed_fanout_busy_seconds_sum 0.25
            relais_feed_fanout_busy_seconds_sum_other 99.0
            relais_feed_fanout_busy_seconds_max 0.1
            """;

    @Test
    void sums_a_metric_over_its_series() {
        assertThat(PrometheusText.sum(EXPOSITION, "relais_feed_timeline_entries_written_total")).isEqualTo(1234.0);
    }

    @Test
    void reads_a_sample_without_labels_and_not_a_longer_name_that_starts_with_it() {
        assertThat(PrometheusText.sum(EXPOSITION, "relais_feed_fanout_busy_seconds_sum")).isEqualTo(0.25);
    }

    @Test
    void a_metric_not_exposed_yet_sums_to_zero() {
        assertThat(PrometheusText.sum(EXPOSITION, "relais_feed_fanout_write_seconds_sum")).isZero();
    }
}
