package dev.complianceharness.report.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param notes          the notes the run was configured with, such as the policies a model follows, in order
 */
public record PropertyOutcome(String testId, String testName, String testClass, String property, int tries,
                              long seed, Map<String, Long> labels, boolean passed, Optional<String> failureSummary,
                              Map<String, String> notes) {

    /** Copies the labels and notes. */
    public PropertyOutcome {
        labels = Map.copyOf(labels);
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }
}
