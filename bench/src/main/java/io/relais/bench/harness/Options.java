package io.relais.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code scenario… --key value --key=value}; every option has a default sized for a few minutes here. */
public final class Options {

    private final List<String> scenarios = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> raw = new ArrayList<>();

    public static Options parse(String... args) {
        Options o = new Options();
        o.raw.addAll(List.of(args));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String key = a.substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    o.values.put(key.substring(0, eq), key.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    o.values.put(key, args[++i]);
                } else {
                    o.values.put(key, "true");
                }
            } else {
                o.scenarios.add(a);
            }
        }
        return o;
    }

    /** The arguments as given (for the report's command line). */
    public List<String> raw() {
        return raw;
    }

    public List<String> scenarios() {
        return scenarios;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    public int integer(String key, int dflt) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key).replace("_", "")) : dflt;
    }

    public long longValue(String key, long dflt) {
        return values.containsKey(key) ? Long.parseLong(values.get(key).replace("_", "")) : dflt;
    }

    public double decimal(String key, double dflt) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : dflt;
    }

    /** Seconds, e.g. {@code --duration 300}. */
    public Duration seconds(String key, long dflt) {
        return Duration.ofMillis(Math.round(decimal(key, dflt) * 1000));
    }
}
