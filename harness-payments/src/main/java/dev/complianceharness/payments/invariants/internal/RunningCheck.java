package dev.complianceharness.payments.invariants.internal;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import java.util.List;

/**
 * One payment invariant's check, reading a test's events one at a time and keeping its own running state, so
 * that checking after every step costs the new events only, not the whole trace again.
 */
public interface RunningCheck {

    /**
     * Reads the next event.
     *
     * @param event    the event, in recording order
     * @param findings where the breaches this event shows are added
     */
    void read(RecordedEvent event, List<Finding> findings);
}
