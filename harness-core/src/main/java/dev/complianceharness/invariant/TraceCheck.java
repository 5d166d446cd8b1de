package dev.complianceharness.invariant;

import dev.complianceharness.event.EventTrace;
import java.util.List;

/**
 * The check of a whole-trace invariant: judges everything a test recorded, for rules that span
 * events (at most 3 messages per 24 hours; refunds never exceed captures).
 */
@FunctionalInterface
public interface TraceCheck {

    /**
     * Judges a trace.
     *
     * @param trace every event the test recorded
     * @return one finding per breach; empty if the trace complies
     */
    List<Finding> findings(EventTrace trace);
}
