package dev.complianceharness.report.internal;

import java.util.Map;
import java.util.Optional;

/**
 * How one generated property fared in one test: the property engine leaves it in the
 * {@link ResultRegistry} and the report shows it next to the invariants.
 *
 * @param testId         the test's unique id
 * @param testName       the test's display name
 * @param testClass      the test class name
 * @param property       the property's name
 * @param tries          how many examples were tried
 * @param seed           the seed that replays the run
 * @param labels         how often each label was seen
 * @param passed         whether every try held
 * @param failureSummary for a failure, the shrunk example and why, masked; empty when it passed
 */
public record PropertyOutcome(String testId, String testName, String testClass, String property, int tries,
                              long seed, Map<String, Long> labels, boolean passed, Optional<String> failureSummary) {

    /** Copies the labels. */
    public PropertyOutcome {
        labels = Map.copyOf(labels);
    }
}
