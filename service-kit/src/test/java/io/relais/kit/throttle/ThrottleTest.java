package io.relais.kit.throttle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets behind the throttle filter, one per caller and kind of request. */
class ThrottleTest {

    static ThrottleConfig limits(long writesBurst, long connectorBurst, long searchesBurst) {
        return new ThrottleConfig() {
            public boolean enabled() { return true; }
            public long writesBurst() { return writesBurst; }
            public long writesPerMinute() { return 60; }
            public long connectorBurst() { return connectorBurst; }
            public long connectorPerMinute() { return 60; }
            public long searchesBurst() { return searchesBurst; }
            public long searchesPerMinute() { return 60; }
            public List<String> searchPaths() { return List.of("/api/search"); }
        };
    }

    @Test
    void aPersonWritingPastTheBurstWaitsForTheNextToken() {
        Throttle throttle = new Throttle(limits(3, 100, 100));
        Throttle.Caller alice = new Throttle.Caller("alice", false);
        for (int i = 0; i < 3; i++) assertThat(throttle.take(alice, Throttle.Kind.WRITE)).isEmpty();
        Optional<Long> wait = throttle.take(alice, Throttle.Kind.WRITE);
        assertThat(wait).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 1L)); // 60 per minute: one a second
    }

    @Test
    void anotherPersonAndAnotherKindOfRequestHaveTheirOwnBuckets() {
        Throttle throttle = new Throttle(limits(1, 100, 1));
        Throttle.Caller alice = new Throttle.Caller("alice", false);
        assertThat(throttle.take(alice, Throttle.Kind.WRITE)).isEmpty();
        assertThat(throttle.take(alice, Throttle.Kind.WRITE)).isPresent();
        assertThat(throttle.take(new Throttle.Caller("bob", false), Throttle.Kind.WRITE)).isEmpty();
        assertThat(throttle.take(alice, Throttle.Kind.SEARCH)).isEmpty();
    }

    @Test
    void aConnectorClientHasTheConnectorLimitNotAPersonsAndIsNotConfusedWithAPersonOfTheSameName() {
        Throttle throttle = new Throttle(limits(1, 5, 100));
        Throttle.Caller crm = new Throttle.Caller("crm-connector", true);
        for (int i = 0; i < 5; i++) assertThat(throttle.take(crm, Throttle.Kind.WRITE)).isEmpty();
        assertThat(throttle.take(crm, Throttle.Kind.WRITE)).isPresent();
        assertThat(throttle.take(new Throttle.Caller("crm-connector", false), Throttle.Kind.WRITE)).isEmpty();
    }
}
