package dev.complianceharness.report.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one generated property fared in one test: the property engine hands it over and the report shows it next to
 * the invariants.
 *
 * @param property       the property's name
 * @param tries          how many examples were tried
 * @param seed           the seed that replays the run
 * @param labels         how often each label was seen
 * @param passed         whether every try held
 * @param failureSummary for a failure, the shrunk example and why, masked; empty when it passed
 * @param notes          the notes the run was configured with, such as the policies a model follows, in order
 * @param warnings       what the run could not do as configured, masked
 */
public record PropertyOutcome(String property, int tries, long seed, Map<String, Long> labels, boolean passed,
                              Optional<String> failureSummary, Map<String, String> notes, List<String> warnings) {

    /** Copies the labels, notes and warnings. */
    public PropertyOutcome {
        labels = Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        warnings = List.copyOf(warnings);
    }
}
