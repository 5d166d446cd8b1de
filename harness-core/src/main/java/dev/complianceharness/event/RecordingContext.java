package dev.complianceharness.event;

import java.util.Objects;

/**
 * What a recording part is created with: the running test's trace and clock, and a display name for
 * messages.
 *
 * @param trace    where the part records events
 * @param clock    the clock the part stamps events with
 * @param testName the running test's display name
 */
public record RecordingContext(EventTrace trace, TestClock clock, String testName) {

    /** Checks that nothing is missing. */
    public RecordingContext {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(testName, "testName");
    }
}
