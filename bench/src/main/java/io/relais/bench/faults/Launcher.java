package io.relais.bench.faults;

import io.relais.bench.harness.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's hands on the local stack: {@code ./relais kill|stop|start <component>}, run with this
 * process's environment (so the same {@code RELAIS_HOME}). {@code kill} is SIGKILL to the component's
 * process group; {@code stop} is the graceful stop of {@code ./relais down}; {@code start} returns once
 * the component is healthy.
 */
final class Launcher {

    private final Path repo;

    Launcher(Path repo) {
        this.repo = repo;
    }

    /** Runs {@code ./relais <command> <component>}; returns its wall time in seconds; throws if it failed. */
    double run(String command, String component) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(List.of(repo.resolve("relais").toString(), command, component))
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("./relais " + command + " " + component + " did not finish");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (String line : out.strip().split("\n")) if (!line.isBlank()) Progress.say("    relais: %s", line.strip());
        if (p.exitValue() != 0) {
            throw new IllegalStateException("./relais " + command + " " + component + " failed (" + p.exitValue() + "): " + out.strip());
        }
        return seconds;
    }
}
