package dev.complianceharness.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the compliance extension leaves each test's outcomes for the report listener to collect. Keyed
 * by the test's unique id, so that tests run in parallel, and fixtures run through a nested engine, never
 * mix: the listener collects only the ids of the test plan it watches.
 */
public final class ResultRegistry {

    private static final Map<String, List<InvariantOutcome>> OUTCOMES = new ConcurrentHashMap<>();
    private static final Map<String, List<PropertyOutcome>> PROPERTIES = new ConcurrentHashMap<>();
    private static final Map<String, List<ComplianceReport.TestWarning>> WARNINGS = new ConcurrentHashMap<>();

    private ResultRegistry() {
    }

    /**
     * Leaves a test's outcomes.
     *
     * @param testId   the test's unique id
     * @param outcomes its outcomes
     */
    public static void record(String testId, List<InvariantOutcome> outcomes) {
        OUTCOMES.merge(testId, List.copyOf(outcomes), (old, added) -> {
            List<InvariantOutcome> merged = new ArrayList<>(old);
            merged.addAll(added);
            return List.copyOf(merged);
        });
    }

    /**
     * Leaves the outcome of a generated property run inside a test.
     *
     * @param outcome the outcome; its test id is the key
     */
    public static void recordProperty(PropertyOutcome outcome) {
        PROPERTIES.merge(outcome.testId(), List.of(outcome), (old, added) -> {
            List<PropertyOutcome> merged = new ArrayList<>(old);
            merged.addAll(added);
            return List.copyOf(merged);
        });
    }

    /**
     * Collects and forgets a test's property outcomes.
     *
     * @param testId the test's unique id
     * @return its property outcomes; empty if it ran none
     */
    public static List<PropertyOutcome> takeProperties(String testId) {
        List<PropertyOutcome> outcomes = PROPERTIES.remove(testId);
        return outcomes == null ? List.of() : outcomes;
    }

    /**
     * Collects and forgets a test's outcomes.
     *
     * @param testId the test's unique id
     * @return its outcomes; empty if it recorded none
     */
    public static List<InvariantOutcome> take(String testId) {
        List<InvariantOutcome> outcomes = OUTCOMES.remove(testId);
        return outcomes == null ? List.of() : outcomes;
    }

    /**
     * Leaves what the harness could not see or check in a test.
     *
     * @param testId   the test's unique id
     * @param warnings its warnings
     */
    public static void recordWarnings(String testId, List<ComplianceReport.TestWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        WARNINGS.merge(testId, List.copyOf(warnings), (old, added) -> {
            List<ComplianceReport.TestWarning> merged = new ArrayList<>(old);
            added.stream().filter(warning -> !merged.contains(warning)).forEach(merged::add);
            return List.copyOf(merged);
        });
    }

    /**
     * Collects and forgets a test's warnings.
     *
     * @param testId the test's unique id
     * @return its warnings; empty if it recorded none
     */
    public static List<ComplianceReport.TestWarning> takeWarnings(String testId) {
        List<ComplianceReport.TestWarning> warnings = WARNINGS.remove(testId);
        return warnings == null ? List.of() : warnings;
    }
}
