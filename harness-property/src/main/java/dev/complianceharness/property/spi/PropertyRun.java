package dev.complianceharness.property.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one generated property fared in one JUnit test, as handed to {@link PropertyRunListener}s.
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
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PropertyRun(String testId, String testName, String testClass, String property, int tries, long seed,
                          Map<String, Long> labels, boolean passed, Optional<String> failureSummary,
                          Map<String, String> notes) {

    /** Checks the fields and copies the labels and notes. */
    public PropertyRun {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(property, "property");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(failureSummary, "failureSummary");
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }
}
