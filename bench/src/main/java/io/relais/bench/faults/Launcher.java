package io.relais.bench.faults;

import io.relais.bench.harness.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The campaign's hands on the local stack: {@code ./relais kill|stop|start <component>}, run with this
 * process's environment (so the same {@code RELAIS_HOME}). {@code kill} is SIGKILL to the component's
 * process group; {@code stop} is the graceful stop of {@code ./relais down}; {@code start} returns once
 * the component is healthy, waiting at most the campaign's recovery bound (passed as the launcher's
 * {@code RELAIS_HEALTH_TIMEOUT}: its own default of 180 s is shorter than search-service's readiness after a
 * kill under load, which waits until the index has replayed the log).
 */
final class Launcher {

    private final Path repo;
    private final Duration healthTimeout;

    Launcher(Path repo, Duration healthTimeout) {
        this.repo = repo;
        this.healthTimeout = healthTimeout;
    }

    /** Runs {@code ./relais <command> <component>}; returns its wall time in seconds; throws if it failed. */
    double run(String command, String component) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(List.of(repo.resolve("relais").toString(), command, component))
                .directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("RELAIS_HEALTH_TIMEOUT", Long.toString(healthTimeout.toSeconds()));
        Process p = builder.start();
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
