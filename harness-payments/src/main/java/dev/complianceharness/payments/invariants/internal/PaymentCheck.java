package dev.complianceharness.payments.invariants.internal;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A payment invariant and how to check it incrementally: its whole-trace form (for {@code @ComplianceTest})
 * feeds every event to a fresh {@link RunningCheck}, and generated runs keep one running check per run and feed
 * it each step's new events.
 *
 * @param invariant the invariant, as modules and the report know it
 * @param running   a fresh running check
 */
public record PaymentCheck(Invariant invariant, Supplier<RunningCheck> running) {

    /** Checks that nothing is missing. */
    public PaymentCheck {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(running, "running");
    }

    /**
     * Finishes an invariant whose whole-trace check replays the events through a fresh running check.
     *
     * @param builder the invariant's declaration, all but the check
     * @param running a fresh running check
     * @return the check
     */
    public static PaymentCheck of(Invariant.Builder builder, Supplier<RunningCheck> running) {
        Invariant invariant = builder.overWholeTrace(trace -> {
            RunningCheck check = running.get();
            List<Finding> findings = new ArrayList<>();
            for (RecordedEvent event : trace.events()) {
                check.read(event, findings);
            }
            return findings;
        });
        return new PaymentCheck(invariant, running);
    }
}
