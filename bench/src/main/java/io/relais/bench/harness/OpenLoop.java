package io.relais.bench.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: operation {@code i} is due at {@code start + i / rate}, whatever happened to the
 * previous ones, and its latency is measured from that intended time. A slow response therefore
 * delays and penalises every operation scheduled behind it, as it would for real users, instead of
 * silently lowering the offered rate (coordinated omission).
 *
 * <p>Workers only bound concurrency: when all are busy, due operations wait, and that waiting counts.
 */
public final class OpenLoop {

    /** One operation; {@code seq} numbers the operations from 0. */
    @FunctionalInterface
    public interface Operation {
        void call(long seq) throws Exception;
    }

    /**
     * @param latency  from intended start to completion (what a user observes)
     * @param service  from actual start to completion (what the server spent)
     * @param achieved completed operations per second over the run
     * @param abandoned operations never issued because the system fell hopelessly behind the schedule
     */
    public record Result(String name, double offeredRate, long completed, long errors, long abandoned, double seconds,
                         double achieved, LatencySummary latency, LatencySummary service, String firstError) {
    }

    private static final ThreadLocal<Long> INTENDED = new ThreadLocal<>();

    private OpenLoop() {
    }

    /** Inside an operation run by {@link #run}: the {@link System#nanoTime()} at which it was due. */
    public static long intendedNanos() {
        Long t = INTENDED.get();
        return t == null ? System.nanoTime() : t;
    }

    public static Result run(String name, double ratePerSecond, Duration duration, int workers, Operation op) {
        long period = Math.max(1, Math.round(1_000_000_000.0 / ratePerSecond));
        long total = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        Recorder latency = new Recorder(3_600_000_000L, 3);
        Recorder service = new Recorder(3_600_000_000L, 3);
        AtomicLong next = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong abandoned = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 20_000_000L; // a short head start so the workers are parked first
        // a system far slower than the offered rate would make the run endless: stop issuing after 3x the duration
        long giveUp = start + 3 * duration.toNanos() + 30_000_000_000L;
        Progress progress = Progress.start(name, () -> {
            long done = completed.get();
            return String.format("%d/%d done, %d errors, %.0f/s offered", done, total, errors.get(), ratePerSecond);
        });
        runAndJoin(name + "-worker-", workers, () -> {
            while (true) {
                long seq = next.getAndIncrement();
                if (seq >= total) return;
                long intended = start + seq * period;
                if (System.nanoTime() > giveUp) {
                    abandoned.incrementAndGet();
                    continue;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long began = System.nanoTime();
                INTENDED.set(intended);
                try {
                    op.call(seq);
                    long end = System.nanoTime();
                    latency.recordValue(Math.max(0, (end - intended) / 1000));
                    service.recordValue(Math.max(0, (end - began) / 1000));
                    completed.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        });
        progress.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram l = latency.getIntervalHistogram();
        Histogram s = service.getIntervalHistogram();
        return new Result(name, ratePerSecond, completed.get(), errors.get(), abandoned.get(), seconds,
                completed.get() / seconds, LatencySummary.ofMicros(l), LatencySummary.ofMicros(s), firstError.get());
    }

    /** Runs the operation back to back on one thread for a third of the measured duration (at most 5 s) so JIT compilation is not measured. */
    public static void warmUp(String name, Duration measured, Operation op) {
        long end = System.nanoTime() + Math.min(measured.toNanos() / 3, 5_000_000_000L);
        Progress.say("  [%s] warming up", name);
        for (long seq = 0; System.nanoTime() < end; seq++) {
            try {
                op.call(seq);
            } catch (Exception e) {
                return; // the measured run reports errors
            }
        }
    }

    /**
     * Closed loop for a throughput ceiling: {@code threads} callers back to back until the duration
     * ends. Its latency is service time only; use {@link #run} for user-facing latency.
     */
    public static Result saturate(String name, Duration duration, int threads, Operation op) {
        Recorder service = new Recorder(3_600_000_000L, 3);
        AtomicLong seqs = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Progress progress = Progress.start(name, () -> String.format("%,d done, %d errors", completed.get(), errors.get()));
        runAndJoin(name + "-caller-", threads, () -> {
            while (System.nanoTime() < end) {
                long began = System.nanoTime();
                try {
                    op.call(seqs.getAndIncrement());
                    service.recordValue((System.nanoTime() - began) / 1000);
                    completed.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        });
        progress.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        LatencySummary s = LatencySummary.ofMicros(service.getIntervalHistogram());
        return new Result(name, Double.NaN, completed.get(), errors.get(), 0, seconds, completed.get() / seconds,
                s, s, firstError.get());
    }

    /** Runs {@code task} on {@code count} daemon threads named {@code prefix0..}, and waits for all of them. */
    private static void runAndJoin(String prefix, int count, Runnable task) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            Thread t = new Thread(task, prefix + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
