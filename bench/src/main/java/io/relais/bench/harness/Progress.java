package io.relais.bench.harness;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a status line to stderr every two seconds while a phase runs. */
public final class Progress {

    private final ScheduledExecutorService ticker;
    private final long started = System.nanoTime();

    private Progress(String label, Supplier<String> status) {
        ticker = Periodic.daemon("progress-" + label);
        ticker.scheduleAtFixedRate(() -> System.err.printf("  [%s] %5.1fs  %s%n", label,
                (System.nanoTime() - started) / 1e9, status.get()), 2, 2, TimeUnit.SECONDS);
    }

    public static Progress start(String label, Supplier<String> status) {
        System.err.printf("  [%s] started%n", label);
        return new Progress(label, status);
    }

    public void stop() {
        ticker.shutdownNow();
    }

    public static void say(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }

    /** Single daemon-thread schedulers for the bench's periodic work (display, sampling). */
    public static final class Periodic {
        private Periodic() {
        }

        public static ScheduledExecutorService daemon(String name) {
            return Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }
}
