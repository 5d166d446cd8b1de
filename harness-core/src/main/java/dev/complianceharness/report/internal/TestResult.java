package dev.complianceharness.report.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test that ran under the harness (a compliance test, or a test that ran a generated property), with how it
 * ended and what the harness checked in it.
 *
 * @param id         the test's unique id
 * @param testClass  its class name
 * @param name       its display name
 * @param status     how it ended
 * @param failure    for a failed or aborted test, its masked failure message on one line
 * @param invariants the invariants verified after it
 * @param properties the generated properties it ran
 * @param warnings   what the harness could not see or check in it, masked
 */
public record TestResult(String id, String testClass, String name, Status status, Optional<String> failure,
                         List<InvariantOutcome> invariants, List<PropertyOutcome> properties, List<String> warnings) {

    /** How a test ended. */
    public enum Status {
        /** It passed. */
        PASSED,
        /** It failed: a violation, an errored check, or its own failure. */
        FAILED,
        /** An assumption aborted it. */
        ABORTED,
        /** JUnit never reported its end (the launch ended first). */
        UNFINISHED
    }

    /** Copies the lists. */
    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(testClass, "testClass");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
        warnings = List.copyOf(warnings);
    }

    /** @return whether an invariant was violated or errored in this test */
    public boolean failedByAnInvariant() {
        return invariants.stream().anyMatch(outcome -> !outcome.passed());
    }

    /** @return whether a property failed in this test */
    public boolean failedByAProperty() {
        return properties.stream().anyMatch(property -> !property.passed());
    }
}
