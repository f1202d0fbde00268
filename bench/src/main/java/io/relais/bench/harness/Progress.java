package io.relais.bench.harness;

import java.util.function.Supplier;

/** Prints a status line to stderr every two seconds while a phase runs. */
public final class Progress {

    private final Thread ticker;
    private final long started = System.nanoTime();

    private Progress(String label, Supplier<String> status) {
        ticker = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(2000); // a display refresh, not a synchronisation
                    System.err.printf("  [%s] %5.1fs  %s%n", label, (System.nanoTime() - started) / 1e9, status.get());
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "progress-" + label);
        ticker.setDaemon(true);
        ticker.start();
    }

    public static Progress start(String label, Supplier<String> status) {
        System.err.printf("  [%s] started%n", label);
        return new Progress(label, status);
    }

    public void stop() {
        ticker.interrupt();
    }

    public static void say(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
