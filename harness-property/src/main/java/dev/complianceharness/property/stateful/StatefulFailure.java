package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.OutputHooks;
import dev.complianceharness.property.stateful.internal.Rendering;
import org.apiguardian.api.API;

/**
 * Thrown when a stateful run fails: its message is the run's report (the steps, their results and the
 * check that failed); its cause, if any, is what the system or a check threw. Personal data in either is
 * masked.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class StatefulFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param report the run's report
     * @param cause what the system or the failing check threw, or null
     */
    public StatefulFailure(String report, Throwable cause) {
        super(OutputHooks.redact(report), Rendering.masked(cause));
    }
}
