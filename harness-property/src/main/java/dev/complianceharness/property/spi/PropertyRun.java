package dev.complianceharness.property.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * How one generated property fared in one JUnit test, as handed to {@link PropertyRunListener}s and published as a
 * JUnit report entry ({@value #REPORT_ENTRY}).
 *
 * @param testId         the test's unique id
 * @param testName       the test's display name
 * @param testClass      the test class name
 * @param property       the property's name
 * @param tries          how many examples were tried
 * @param seed           the seed that replays the run
 * @param labels         how often each label was seen
 * @param passed         whether every try held
 * @param failureSummary for a failure, the shrunk example and why, already redacted; empty when it passed
 * @param notes          the notes the run was configured with ({@code note(name, value)}), in order
 * @param warnings       what the run could not do as configured (an unreadable stored example), already redacted
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PropertyRun(String testId, String testName, String testClass, String property, int tries, long seed,
                          Map<String, Long> labels, boolean passed, Optional<String> failureSummary,
                          Map<String, String> notes, List<String> warnings) {

    /** The key of the JUnit report entry each run publishes. */
    public static final String REPORT_ENTRY = "compliance-harness.property";
    /** The key of the JUnit report entry each warning of a run publishes. */
    public static final String WARNING_ENTRY = "compliance-harness.warning";

    /** Checks the fields and copies the labels, notes and warnings. */
    public PropertyRun {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(property, "property");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(failureSummary, "failureSummary");
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        warnings = List.copyOf(warnings);
    }

    /**
     * The run in one line, as its report entry says it: {@code "refunds never exceed captures: 100 tries passed (seed
     * 42)"}, or the failure with its seed.
     *
     * @return the line
     */
    public String describe() {
        StringBuilder line = new StringBuilder(property).append(": ");
        if (passed) {
            line.append(tries).append(tries == 1 ? " try passed" : " tries passed").append(" (seed ").append(seed).append(')');
            if (!labels.isEmpty()) {
                line.append("; labels: ").append(new TreeMap<>(labels));
            }
        } else {
            line.append("failed after ").append(tries).append(tries == 1 ? " try" : " tries").append(" (seed ").append(seed)
                    .append(')').append(failureSummary.map(summary -> ": " + summary).orElse(""));
        }
        return line.toString();
    }
}
