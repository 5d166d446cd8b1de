package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One breach a whole-trace check found: why, and the events that show it.
 *
 * @param reason   what is wrong, in words a person can act on; masked before it is printed
 * @param evidence the offending events, in order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Finding(String reason, List<RecordedEvent> evidence) {

    /** Copies the evidence. */
    public Finding {
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }

    /**
     * A finding.
     *
     * @param reason   what is wrong
     * @param evidence the offending events
     * @return the finding
     */
    public static Finding of(String reason, RecordedEvent... evidence) {
        return new Finding(reason, List.of(evidence));
    }

    /**
     * A finding.
     *
     * @param reason   what is wrong
     * @param evidence the offending events
     * @return the finding
     */
    public static Finding of(String reason, List<? extends RecordedEvent> evidence) {
        return new Finding(reason, List.copyOf(evidence));
    }
}
