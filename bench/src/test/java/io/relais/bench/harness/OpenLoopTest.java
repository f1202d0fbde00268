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
}
