package io.relais.search.index;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness rule of a search replica, without a broker: ready once the index has read up to the end offsets read at start. */
class CatchUpTest {

    static final TopicPartition A0 = new TopicPartition("relais.activities", 0);
    static final TopicPartition A1 = new TopicPartition("relais.activities", 1);
    static final TopicPartition P0 = new TopicPartition("relais.profiles", 0);

    @Test
    void aReplicaReplayingTheLogIsNotReadyUntilItHasReadUpToTheEndOffsetsReadAtStart() {
        CatchUp c = new CatchUp(() -> new CatchUp.Target(Map.of(A0, 3L, A1, 1L, P0, 2L), Map.of(A0, 0L, A1, 0L, P0, 0L)));
        CatchUp.Status behind = c.status();
        assertThat(behind.ready()).isFalse();
        assertThat(behind.behind()).containsEntry("relais.activities", 4L).containsEntry("relais.profiles", 2L);

        c.read("relais.activities", 0, 2);
        c.read("relais.activities", 1, 0);
        c.read("relais.profiles", 0, 0);
        assertThat(c.status().ready()).isFalse();
        assertThat(c.status().behind()).containsEntry("relais.profiles", 1L);

        c.read("relais.profiles", 0, 1);
        assertThat(c.status().ready()).isTrue();
    }

    @Test
    void aReplicaRestartingOnItsOwnIndexIsReadyFromItsCommittedOffsets() {
        CatchUp c = new CatchUp(() -> new CatchUp.Target(Map.of(A0, 10L, P0, 0L), Map.of(A0, 10L, P0, 0L)));
        assertThat(c.status().ready()).isTrue();
    }

    @Test
    void onceCaughtUpItStaysReadyWhileNewRecordsArrive() {
        CatchUp c = new CatchUp(() -> new CatchUp.Target(Map.of(A0, 1L), Map.of(A0, 0L)));
        c.read("relais.activities", 0, 0);
        assertThat(c.status().ready()).isTrue();
        assertThat(c.status().ready()).isTrue();
    }

    @Test
    void whileTheLogCannotBeAskedTheReplicaIsNotReadyAndAsksAgainLater() {
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        CatchUp c = new CatchUp(() -> {
            if (!brokerUp.get()) throw new IllegalStateException("broker unreachable");
            return new CatchUp.Target(Map.of(A0, 0L), Map.of(A0, 0L));
        });
        assertThat(c.status().ready()).isFalse();
        assertThat(c.status().reason()).contains("cannot be read");
        brokerUp.set(true);
        assertThat(c.status().ready()).isTrue();
    }

    @Test
    void recordsReadBeforeTheTargetIsKnownStillCount() {
        CatchUp c = new CatchUp(() -> new CatchUp.Target(Map.of(A0, 5L), Map.of(A0, 0L)));
        c.read("relais.activities", 0, 4);
        assertThat(c.status().ready()).isTrue();
    }
}
