package io.relais.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory and CPU of each component the launcher started, read from /proc: the pid files in
 * {@code $RELAIS_HOME/run}, each with its descendants (Keycloak runs under a shell script).
 */
public final class Footprint {

    public static final List<String> COMPONENTS = List.of("store", "kafka", "keycloak", "feed", "profile", "connector",
            "search", "web");
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final double TICKS = 100.0; // USER_HZ on Linux

    /** RSS in MiB and CPU seconds so far, per running component. */
    public record Sample(Map<String, Double> rssMiB, Map<String, Double> cpuSeconds) {
        public double totalRss() {
            return rssMiB.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Path home;

    public Footprint(Path repo) {
        String env = System.getenv("RELAIS_HOME");
        home = env != null ? Path.of(env) : repo.resolve(".relais");
    }

    public Path home() {
        return home;
    }

    public Sample sample() {
        Map<String, Double> rss = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            pid(c).ifPresent(pid -> {
                List<Long> tree = tree(pid);
                double r = 0, t = 0;
                boolean any = false;
                for (long p : tree) {
                    Optional<double[]> v = read(p);
                    if (v.isPresent()) {
                        any = true;
                        r += v.get()[0];
                        t += v.get()[1];
                    }
                }
                if (any) {
                    rss.put(c, r);
                    cpu.put(c, t);
                }
            });
        }
        return new Sample(rss, cpu);
    }

    /** The last "started in N s" of a component's log (Quarkus services and Keycloak print it). */
    public Optional<Double> startupSeconds(String component) {
        Path log = home.resolve("logs").resolve(component + ".log");
        if (!Files.exists(log)) return Optional.empty();
        try (var lines = Files.lines(log)) {
            Double last = null;
            for (String l : (Iterable<String>) lines::iterator) {
                Matcher m = STARTED.matcher(l);
                if (m.find()) last = Double.parseDouble(m.group(1));
            }
            return Optional.ofNullable(last);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Optional<Long> pid(String component) {
        Path f = home.resolve("run").resolve(component + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(f).trim());
            return Files.exists(Path.of("/proc", Long.toString(pid))) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<Long> tree(long pid) {
        List<Long> out = new ArrayList<>();
        out.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> out.add(d.pid())));
        return out;
    }

    /** {RSS MiB, CPU seconds} of one process. */
    private static Optional<double[]> read(long pid) {
        try {
            double rss = 0;
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) rss = Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // utime, stime (fields 14, 15)
            return Optional.of(new double[]{rss, cpu});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
