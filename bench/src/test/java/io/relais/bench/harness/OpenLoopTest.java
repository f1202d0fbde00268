package io.relais.bench.harness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void aServerSlowerThanTheOfferedRateShowsQueueingInTheLatency() {
        // 200 requests/s offered to one worker whose every call takes 10 ms (capacity 100/s):
        // a closed loop would report ~10 ms; users would wait longer and longer.
        OpenLoop.Result r = OpenLoop.run("slow", 200, Duration.ofMillis(1000), 1,
                seq -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)));

        // the last call is due at ~1 s but cannot end before 200 x 10 ms = 2 s: it waited about a second
        assertThat(r.completed()).isEqualTo(200);
        assertThat(r.service().p50()).isGreaterThanOrEqualTo(9.9);
        assertThat(r.latency().max()).isGreaterThan(900.0);
        assertThat(r.latency().p50()).isGreaterThan(r.service().p50() * 10);
    }

    @Test
    void aServerFasterThanTheOfferedRateIsMeasuredAtItsServiceTime() {
        OpenLoop.Result r = OpenLoop.run("fast", 100, Duration.ofMillis(500), 2, seq -> { });

        // generous bounds: this machine is shared, and scheduling delays count as latency (as they should)
        assertThat(r.completed()).isEqualTo(50);
        assertThat(r.errors()).isZero();
        assertThat(r.latency().p50()).isLessThan(250.0);
        assertThat(r.achieved()).isBetween(30.0, 110.0);
    }

    @Test
    void failedOperationsAreCountedNotTimed() {
        OpenLoop.Result r = OpenLoop.run("failing", 100, Duration.ofMillis(200), 1, seq -> {
            if (seq % 2 == 0) throw new IllegalStateException("boom");
        });

        assertThat(r.errors()).isEqualTo(10);
        assertThat(r.completed()).isEqualTo(10);
        assertThat(r.firstError()).contains("boom");
    }

    @Test
    void aClosedLoopKeepsEveryCallerBusyUntilTheDurationEnds() {
        java.util.Set<String> callers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        OpenLoop.Result r = OpenLoop.saturate("closed", Duration.ofMillis(300), 3, seq -> {
            callers.add(Thread.currentThread().getName());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            if (seq == 5) throw new IllegalStateException("one failure");
        });

        assertThat(callers).containsExactlyInAnyOrder("closed-caller-0", "closed-caller-1", "closed-caller-2");
        assertThat(r.seconds()).isGreaterThanOrEqualTo(0.3);
        assertThat(r.errors()).isEqualTo(1);
        assertThat(r.firstError()).contains("one failure");
        // three callers at ~1 ms a call for 300 ms make ~850 calls; a loaded machine stretches each call, so the
        // bound only says the loop ran back to back, and that the failure was not counted as done
        assertThat(r.completed()).isGreaterThan(50);
        assertThat(r.service().p50()).isGreaterThanOrEqualTo(0.9);
    }
}
