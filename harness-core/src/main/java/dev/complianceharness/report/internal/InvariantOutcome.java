package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import java.util.List;

/**
 * How one invariant fared in one test.
 *
 * @param testId        the test's unique id
 * @param testName      the test's display name
 * @param testClass     the test class name
 * @param moduleId      the module that declared the invariant
 * @param moduleVersion its version
 * @param invariant     the invariant
 * @param violations    what it found, masked; empty when it passed
 */
public record InvariantOutcome(String testId, String testName, String testClass, String moduleId,
                               String moduleVersion, Invariant invariant, List<Violation> violations) {

    /** Copies the violations. */
    public InvariantOutcome {
        violations = List.copyOf(violations);
    }

    /** @return true when the invariant held */
    public boolean passed() {
        return violations.isEmpty();
    }
}
