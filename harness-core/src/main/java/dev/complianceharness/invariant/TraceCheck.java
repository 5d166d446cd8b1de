package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The check of a whole-trace invariant: judges everything a test recorded, for rules that span
 * events (at most 3 messages per 24 hours; refunds never exceed captures).
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface TraceCheck {

    /**
     * Judges a trace.
     *
     * @param trace every event the test recorded
     * @return one finding per breach; empty if the trace complies
     */
    List<Finding> findings(EventTrace trace);
}
