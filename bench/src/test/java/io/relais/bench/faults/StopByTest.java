package io.relais.bench.faults;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --stop-by}: the end of the shared stack's hold, as an instant or a UTC time of day. */
class StopByTest {

    @Test
    void aTimeOfDayIsTheNextOneInUtcAndAnInstantIsTakenAsIs() {
        Instant now = Instant.parse("2026-11-30T21:35:10Z");
        assertThat(FaultCampaign.stopBy("22:08", now)).isEqualTo(Instant.parse("2026-11-30T22:08:00Z"));
        assertThat(FaultCampaign.stopBy("21:30", now)).isEqualTo(Instant.parse("2026-12-01T21:30:00Z"));
        assertThat(FaultCampaign.stopBy("2026-11-30T22:10:00Z", now)).isEqualTo(Instant.parse("2026-11-30T22:10:00Z"));
        assertThat(FaultCampaign.stopBy("", now)).isNull();
    }
}
