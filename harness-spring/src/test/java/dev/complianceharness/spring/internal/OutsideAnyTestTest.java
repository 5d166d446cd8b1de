package dev.complianceharness.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.spring.ComplianceParts;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** What the beans do when no compliance test runs, as while the context starts; alone, as other tests run compliance tests. */
@DisplayName("The beans of @ComplianceBeans outside any compliance test")
@Isolated
class OutsideAnyTestTest {

    @Test
    @DisplayName("the clock stands at TestClock.DEFAULT_START, in the zone asked for")
    void clock() {
        RunningTestClock clock = new RunningTestClock();

        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
        assertThat(clock.withZone(ZoneId.of("America/New_York")).getZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(clock.withZone(ZoneId.of("America/New_York")).instant()).isEqualTo(TestClock.DEFAULT_START);
    }

    @Test
    @DisplayName("a part cannot be had, and the message says why")
    void parts() {
        assertThatThrownBy(() -> new ComplianceParts().get(String.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the String part (through ComplianceParts) was used on thread '")
                .hasMessageEndingWith("while no compliance test runs: what it records would be checked by no invariant."
                        + " Use it from a test annotated with @ComplianceTest.");
    }
}
