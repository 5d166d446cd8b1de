package dev.complianceharness.spring.internal;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.RunningComplianceTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Clock} bean: shows the running test's {@link TestClock}. Before any compliance test runs (while the
 * context starts) it stands at {@link TestClock#DEFAULT_START}; on a thread that belongs to none of several
 * running tests it throws, and warns them all, rather than show one test another's time.
 */
final class RunningTestClock extends Clock {

    private static final Clock BEFORE_ANY_TEST = Clock.fixed(TestClock.DEFAULT_START, ZoneOffset.UTC);

    private final ZoneId zone;

    RunningTestClock() {
        this(ZoneOffset.UTC);
    }

    private RunningTestClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant instant() {
        Optional<RunningComplianceTest> current = RunningComplianceTest.current();
        if (current.isPresent()) {
            return current.get().clock().instant();
        }
        if (!RunningComplianceTest.isAnyRunning()) {
            return BEFORE_ANY_TEST.instant();
        }
        return RunningComplianceTest.resolve("the Clock bean").clock().instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return new RunningTestClock(otherZone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunningTestClock that && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "RunningTestClock[" + zone + "]";
    }
}
