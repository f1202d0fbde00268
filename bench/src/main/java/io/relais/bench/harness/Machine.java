package io.relais.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on, and how busy the machine was meanwhile. */
public record Machine(int cores, String cpu, long memoryMiB, String jdk, String os, String commit) {

    public static Machine describe(Path repo) {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memTotalMiB(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                gitCommit(repo));
    }

    /** The 1-minute load average and the count of running JVMs other than this one. */
    public static String noise() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException ignored) {
            // not Linux
        }
        long jvms = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .count();
        return "load " + load + ", " + jvms + " other JVMs";
    }

    /** How much CPU this JVM obtained since {@code wallStartNanos}: far below the core count means contention. */
    public static String cpuShare(long wallStartNanos) {
        double wall = (System.nanoTime() - wallStartNanos) / 1e9;
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "the bench JVM used %.0f CPU-s in %.0f s of wall time (%.2f cores on average)",
                cpu, wall, cpu / wall);
    }

    public String markdown() {
        return "| cores | CPU | memory | JDK | OS | commit |\n|---|---|---|---|---|---|\n"
                + "| " + cores + " | " + cpu + " | " + memoryMiB / 1024 + " GiB | " + jdk + " | " + os + " | " + commit + " |\n";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memTotalMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String gitCommit(Path repo) {
        String sha = git(repo, "rev-parse", "--short", "HEAD");
        String dirty = git(repo, "status", "--porcelain", "--untracked-files=no");
        return sha + (dirty.isBlank() ? "" : " (work tree has uncommitted changes)");
    }

    private static String git(Path repo, String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
