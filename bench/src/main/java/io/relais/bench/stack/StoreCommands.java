package io.relais.bench.stack;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store commands each service sent, counted by the MongoDB driver's command listener that Quarkus registers
 * with {@code quarkus.mongodb.metrics.enabled=true}: the Prometheus counter
 * {@code mongodb_driver_commands_seconds_count{collection=…, command=…, …}} on each service's management port.
 * Two samples around a scenario give the commands per event by service, collection and command — the store's
 * command log, as the services see it (the local store keeps none of its own).
 */
public final class StoreCommands {

    /** The services that talk to the store. */
    public static final List<String> SERVICES = List.of("feed", "profile", "connector", "search");

    private static final String METRIC = "mongodb_driver_commands_seconds_count{";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private StoreCommands() {
    }

    /**
     * Commands so far per {@code "<service> · <collection> · <command>"}, summed over the other labels
     * (status, server); a service that does not answer is left out.
     */
    public static Map<String, Double> sample(StackClient stack) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String service : SERVICES) {
            StackClient.Answer a = stack.getManagement(service, "/q/metrics");
            if (a.ok()) parse(service, a.body()).forEach((k, v) -> counts.merge(k, v, Double::sum));
        }
        return counts;
    }

    /**
     * The driver's command counts in one Prometheus text exposition, keyed {@code "<service> · <collection> · <command>"};
     * a command without a collection (e.g. {@code ping}) is keyed by {@code "-"}.
     */
    static Map<String, Double> parse(String service, String prometheusText) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            if (!line.startsWith(METRIC)) continue;
            int close = line.lastIndexOf('}');
            if (close < 0) continue;
            String collection = "-", command = "?";
            Matcher m = LABEL.matcher(line.substring(METRIC.length(), close));
            while (m.find()) {
                if (m.group(1).equals("collection")) collection = m.group(2);
                if (m.group(1).equals("command")) command = m.group(2);
            }
            double value = Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
            counts.merge(service + " · " + collection + " · " + command, value, Double::sum);
        }
        return counts;
    }

    /**
     * The differences between two samples, largest first, without the keys that did not move.
     */
    public static List<Map.Entry<String, Double>> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> diff = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            double d = v - before.getOrDefault(k, 0.0);
            if (d > 0) diff.put(k, d);
        });
        return diff.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
    }
}
