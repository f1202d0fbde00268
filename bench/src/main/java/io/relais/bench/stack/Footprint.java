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

    /** Over the launcher's state folder {@code home} ({@code run/<component>.pid}, {@code logs/}). */
    Footprint(Path home) {
        this.home = home;
    }

    /** Over the state folder of the stack started from {@code repo}: {@code $RELAIS_HOME}, else {@code repo/.relais}. */
    public static Footprint ofStack(Path repo) {
        return new Footprint(Optional.ofNullable(System.getenv("RELAIS_HOME")).map(Path::of).orElse(repo.resolve(".relais")));
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

    /**
     * CPU seconds so far of each running component's JVM upkeep, read from /proc per thread: {JIT compiling (the
     * {@code C1}/{@code C2 CompilerThread}s), garbage collection (the collectors' own threads and the
     * {@code VM Thread}: {@link #upkeepKind})}. What the services'
     * own code costs is the component's CPU less these; a figure measured right after a start holds the warm-up.
     */
    public Map<String, double[]> upkeepSeconds() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            pid(c).ifPresent(pid -> {
                double[] sum = new double[2];
                for (long p : tree(pid)) {
                    try (var tasks = Files.list(Path.of("/proc", Long.toString(p), "task"))) {
                        tasks.forEach(task -> {
                            try {
                                int kind = upkeepKind(Files.readString(task.resolve("comm")).trim());
                                if (kind >= 0) sum[kind] += cpuOf(Files.readString(task.resolve("stat")));
                            } catch (IOException | RuntimeException e) {
                                // the thread ended meanwhile
                            }
                        });
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
                out.put(c, sum);
            });
        }
        return out;
    }

    /**
     * What a JVM thread of this name ({@code /proc/<pid>/task/<tid>/comm}: at most 15 characters) does for the JVM's
     * upkeep: 0 compiling ({@code C1}/{@code C2 CompilerThread}s), 1 collecting (Parallel's and G1's {@code GC Thread#n},
     * G1's own threads, Shenandoah's control and worker threads, and the {@code VM Thread}, which runs the collectors'
     * stop-the-world phases), -1 anything else (the program's own threads).
     */
    static int upkeepKind(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) return 0;
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("Shenandoah")
                || name.equals("VM Thread")) return 1;
        return -1;
    }

    /**
     * The CPU weight each running component was started with, as the nice value the scheduler weighs it by: its
     * session's scheduling group's ({@code /proc/<pid>/autogroup}, "{@code /autogroup-N nice V}") where the kernel
     * groups sessions, else the process's own (field 19 of {@code /proc/<pid>/stat}). 0 is the default weight; the
     * launcher starts the background services at a positive value (reads first, issue 18).
     */
    public Map<String, Integer> niceValues() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            pid(c).flatMap(Footprint::niceOf).ifPresent(n -> out.put(c, n));
        }
        return out;
    }

    static Optional<Integer> niceOf(long pid) {
        return niceOf(Path.of("/proc"), pid);
    }

    /** {@link #niceOf(long)} read under {@code proc} (a procfs mount, or a folder laid out like one in tests). */
    static Optional<Integer> niceOf(Path proc, long pid) {
        // the group's weight where the kernel groups sessions; a sandboxed /proc may list the file yet refuse or
        // blank it, so that case falls back to the process's own value rather than to nothing
        Optional<Integer> group = groupNiceOf(proc, pid);
        if (group.isPresent()) return group;
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            return Optional.of(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> groupNiceOf(Path proc, long pid) {
        try {
            Path group = proc.resolve(Long.toString(pid)).resolve("autogroup");
            if (!Files.exists(group) || !"1".equals(readTrimmed(proc.resolve("sys/kernel/sched_autogroup_enabled")))) {
                return Optional.empty();
            }
            return Optional.of(groupNice(readTrimmed(group)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The nice value of an {@code autogroup} line, e.g. 10 for "{@code /autogroup-7 nice 10}". */
    static int groupNice(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim());
    }

    private static String readTrimmed(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file).trim() : "";
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

    /** The CPU seconds of a process's or thread's {@code stat} line: utime and stime (fields 14 and 15). */
    private static double cpuOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    /** {RSS MiB, CPU seconds} of one process. */
    private static Optional<double[]> read(long pid) {
        try {
            double rss = 0;
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) rss = Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
            return Optional.of(new double[]{rss, cpuOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
