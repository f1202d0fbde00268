package io.relais.bench.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The footprint reads a component's CPU, and the part its JVM's compiler and collector threads took, from /proc. */
class FootprintTest {

    @Test
    void splitsAComponentsCpuIntoItsJvmsCompilingAndCollecting(@TempDir Path home) throws Exception {
        // this test's own JVM stands for the feed component: it has compiled and collected by now
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/feed.pid"), Long.toString(ProcessHandle.current().pid()));
        // ~2.5 GB allocated while ~128 MB stay reachable: collections that copy, plus two full ones
        byte[][] kept = new byte[4_096][];
        for (int i = 0; i < 80_000; i++) kept[i % kept.length] = new byte[32_768];
        System.gc();
        System.gc();
        Footprint footprint = new Footprint(home);

        Map<String, double[]> upkeep = footprint.upkeepSeconds();
        double cpu = footprint.sample().cpuSeconds().get("feed");

        assertThat(upkeep).containsOnlyKeys("feed"); // the other components have no pid file
        double jit = upkeep.get("feed")[0], gc = upkeep.get("feed")[1];
        assertThat(jit).isPositive();
        assertThat(gc).isPositive();
        assertThat(jit + gc).isLessThanOrEqualTo(cpu);
        assertThat(kept[kept.length - 1]).hasSize(32_768);
    }

    @Test
    void readsTheWeightAComponentWasStartedWith(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/search.pid"), Long.toString(ProcessHandle.current().pid()));
        assertThat(Footprint.groupNice("/autogroup-7 nice 10")).isEqualTo(10);
        assertThat(Footprint.groupNice("/autogroup-12 nice -5")).isEqualTo(-5);
        // this test's JVM stands for search: whatever its weight, it is read, and only for components with a pid file
        int own = Footprint.niceOf(ProcessHandle.current().pid()).orElseThrow();
        assertThat(new Footprint(home).niceValues()).containsExactly(Map.entry("search", own));
    }

    @Test
    void fallsBackToTheProcessesOwnWeightWhenItsGroupsCannotBeRead(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(proc.resolve("sys/kernel/sched_autogroup_enabled"), "1\n");
        // field 19 (nice) is 7; the command name holds a space and a parenthesis, as a JVM's may
        Files.writeString(proc.resolve("42/stat"),
                "42 (java (x) y) S 1 42 42 0 -1 4194560 1 0 0 0 5 3 0 0 27 7 30 0 100 0 0\n");
        assertThat(Footprint.niceOf(proc, 42)).as("no group file: the process's own").contains(7);

        Files.writeString(proc.resolve("42/autogroup"), ""); // listed, but a sandboxed /proc blanks it
        assertThat(Footprint.niceOf(proc, 42)).as("unreadable group: the process's own").contains(7);

        Files.writeString(proc.resolve("42/autogroup"), "/autogroup-9 nice 10\n");
        assertThat(Footprint.niceOf(proc, 42)).as("the group's weight wins where it is readable").contains(10);

        Files.writeString(proc.resolve("sys/kernel/sched_autogroup_enabled"), "0\n");
        assertThat(Footprint.niceOf(proc, 42)).as("grouping switched off: the process's own").contains(7);
        assertThat(Footprint.niceOf(proc, 43)).as("no such process").isEmpty();
    }

    @Test
    void tellsTheCompilersAndEachCollectorsThreadsFromTheProgramsOwn() {
        // names as /proc shows them: cut to 15 characters
        assertThat(Footprint.upkeepKind("C2 CompilerThre")).isZero();
        assertThat(Footprint.upkeepKind("C1 CompilerThre")).isZero();
        assertThat(Footprint.upkeepKind("GC Thread#1")).isEqualTo(1);
        assertThat(Footprint.upkeepKind("G1 Conc#0")).isEqualTo(1);
        assertThat(Footprint.upkeepKind("Shenandoah GC T")).as("the store's collector").isEqualTo(1);
        assertThat(Footprint.upkeepKind("Shenandoah Cont")).isEqualTo(1);
        assertThat(Footprint.upkeepKind("VM Thread")).isEqualTo(1);
        assertThat(Footprint.upkeepKind("store-command-4")).isEqualTo(-1);
        assertThat(Footprint.upkeepKind("VM Periodic Tas")).isEqualTo(-1);
    }
}
