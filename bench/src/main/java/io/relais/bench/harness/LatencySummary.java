package io.relais.bench.harness;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency distribution, in milliseconds. */
public record LatencySummary(long count, double p50, double p99, double p999, double max, double mean) {

    /** From a histogram recorded in microseconds. */
    public static LatencySummary ofMicros(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0,
                h.getMean() / 1000.0);
    }

    /** A histogram for latencies in microseconds up to one hour, 3 significant digits. */
    public static Histogram newMicrosHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** "p50 1.20 · p99 4.50 · p99.9 9.00 · max 12.3 ms (n=…)" */
    public String inline() {
        if (isEmpty()) return "no samples";
        return "p50 " + Report.ms(p50) + " · p99 " + Report.ms(p99) + " · p99.9 " + Report.ms(p999)
                + " · max " + Report.ms(max) + " ms (n=" + count + ")";
    }
}
