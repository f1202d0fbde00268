package io.relais.bench.stack;

/** Reading figures out of a Prometheus text exposition (what each service's {@code /q/metrics} answers). */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of one metric over all its series (any labels): {@code name} is the sample's full name,
     * e.g. {@code relais_feed_timeline_entries_written_total} or a timer's {@code …_seconds_sum}; 0 when it has none.
     * A longer name that merely starts with {@code name} is another metric and is not counted.
     */
    static double sum(String exposition, String name) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name) || line.length() == name.length()) continue;
            char next = line.charAt(name.length());
            if (next != '{' && next != ' ') continue;
            int close = line.lastIndexOf('}');
            String value = line.substring(close < 0 ? name.length() : close + 1).trim().split(" ")[0];
            sum += Double.parseDouble(value);
        }
        return sum;
    }
}
