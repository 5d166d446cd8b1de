package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The check of a per-event invariant: judges one event, with the whole trace at hand for context.
 *
 * @param <E> the event type the invariant applies to
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface EventCheck<E extends RecordedEvent> {

    /**
     * Judges one event.
     *
     * @param event the event
     * @param trace every event the test recorded
     * @return empty if the event complies; otherwise why it does not
     */
    Optional<String> violationReason(E event, EventTrace trace);
}
