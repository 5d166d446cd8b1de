package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the report shows: each invariant that ran, with its regulation, owner, tier, how many tests it
 * passed and failed in, and its masked violations.
 *
 * @param generatedAt when the report was made
 * @param invariants  one summary per invariant, ordered by tier then id
 * @param properties  the generated properties that ran, in the order they finished
 */
public record ComplianceReport(Instant generatedAt, List<InvariantSummary> invariants, List<PropertyOutcome> properties) {

    /** Copies the summaries. */
    public ComplianceReport {
        invariants = List.copyOf(invariants);
        properties = List.copyOf(properties);
    }

    /**
     * Summarises outcomes.
     *
     * @param outcomes   the invariant outcomes of one test plan
     * @param properties the property outcomes of the same plan
     * @return the report
     */
    public static ComplianceReport from(List<InvariantOutcome> outcomes, List<PropertyOutcome> properties) {
        Map<String, List<InvariantOutcome>> byInvariant = new LinkedHashMap<>();
        for (InvariantOutcome outcome : outcomes) {
            byInvariant.computeIfAbsent(outcome.invariant().id(), id -> new ArrayList<>()).add(outcome);
        }
        List<InvariantSummary> summaries = new ArrayList<>();
        for (List<InvariantOutcome> group : byInvariant.values()) {
            summaries.add(InvariantSummary.of(group));
        }
        summaries.sort(Comparator.comparing((InvariantSummary summary) -> summary.invariant().tier())
                .thenComparing(summary -> summary.invariant().id()));
        return new ComplianceReport(Instant.now(), summaries, properties);
    }

    /** @return how many invariants had at least one violation */
    public long failedInvariantCount() {
        return invariants.stream().filter(summary -> summary.failedTests() > 0).count();
    }

    /**
     * One invariant across the tests it ran in.
     *
     * @param invariant      the invariant
     * @param moduleVersions the modules (id and version) that declared it
     * @param passedTests    the number of tests it held in
     * @param failedTests    the number of tests it was violated in
     * @param failures       the failing tests with their masked violations
     */
    public record InvariantSummary(Invariant invariant, Set<String> moduleVersions, int passedTests, int failedTests,
                                   List<TestFailure> failures) {

        /** Copies the collections. */
        public InvariantSummary {
            moduleVersions = Set.copyOf(moduleVersions);
            failures = List.copyOf(failures);
        }

        static InvariantSummary of(List<InvariantOutcome> outcomes) {
            Set<String> modules = new LinkedHashSet<>();
            int passed = 0;
            int failed = 0;
            List<TestFailure> failures = new ArrayList<>();
            for (InvariantOutcome outcome : outcomes) {
                modules.add(outcome.moduleId() + " " + outcome.moduleVersion());
                if (outcome.passed()) {
                    passed++;
                } else {
                    failed++;
                    failures.add(new TestFailure(outcome.testClass(), outcome.testName(), outcome.violations()));
                }
            }
            return new InvariantSummary(outcomes.get(0).invariant(), modules, passed, failed, failures);
        }
    }

    /**
     * A test in which an invariant was violated.
     *
     * @param testClass  the test class
     * @param testName   the test's display name
     * @param violations the masked violations
     */
    public record TestFailure(String testClass, String testName, List<Violation> violations) {

        /** Copies the violations. */
        public TestFailure {
            violations = List.copyOf(violations);
        }
    }
}
