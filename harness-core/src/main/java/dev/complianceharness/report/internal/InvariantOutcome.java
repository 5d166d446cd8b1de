package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.invariant.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one invariant fared in one test: held, violated or errored.
 *
 * @param moduleId      the module that declared the invariant
 * @param moduleVersion its version
 * @param invariant     the invariant
 * @param status        held, violated or errored
 * @param violations    what it found, masked; empty unless violated
 * @param error         for an errored check, what it threw, masked
 */
public record InvariantOutcome(String moduleId, String moduleVersion, InvariantInfo invariant,
                               InvariantResult.Status status, List<ViolationText> violations, Optional<String> error) {

    /** Copies the violations. */
    public InvariantOutcome {
        Objects.requireNonNull(moduleId, "moduleId");
        Objects.requireNonNull(moduleVersion, "moduleVersion");
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(status, "status");
        violations = List.copyOf(violations);
        Objects.requireNonNull(error, "error");
    }

    /**
     * The outcome of a verified invariant.
     *
     * @param moduleId      the module that declared it
     * @param moduleVersion its version
     * @param result        what verifying it found
     * @return the outcome
     */
    public static InvariantOutcome of(String moduleId, String moduleVersion, InvariantResult result) {
        return new InvariantOutcome(moduleId, moduleVersion, InvariantInfo.of(result.invariant()), result.status(),
                result.violations().stream().map(ViolationText::of).toList(), result.error());
    }

    /**
     * The outcome of an invariant that was verified as a list of violations (held when empty).
     *
     * @param moduleId      the module that declared it
     * @param moduleVersion its version
     * @param invariant     the invariant
     * @param violations    what it found
     * @return the outcome
     */
    public static InvariantOutcome of(String moduleId, String moduleVersion, Invariant invariant, List<Violation> violations) {
        return new InvariantOutcome(moduleId, moduleVersion, InvariantInfo.of(invariant),
                violations.isEmpty() ? InvariantResult.Status.HELD : InvariantResult.Status.VIOLATED,
                violations.stream().map(ViolationText::of).toList(), Optional.empty());
    }

    /** @return true when the invariant held */
    public boolean passed() {
        return status == InvariantResult.Status.HELD;
    }

    /**
     * A violation as the report shows it.
     *
     * @param message  why, masked
     * @param evidence the offending events, masked
     */
    public record ViolationText(String message, List<String> evidence) {

        /** Copies the evidence. */
        public ViolationText {
            Objects.requireNonNull(message, "message");
            evidence = List.copyOf(evidence);
        }

        static ViolationText of(Violation violation) {
            return new ViolationText(violation.message(), violation.evidence());
        }
    }
}
