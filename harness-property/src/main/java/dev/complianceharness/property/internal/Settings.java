package dev.complianceharness.property.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one property is run, as configured on its check; unset values come from the annotation, the
 * configuration parameters or the defaults.
 *
 * @param name                the property's name, or null for the caller's
 * @param tries               how many examples to try, or null
 * @param timeBudget          how long to keep generating at most, or null
 * @param seed                the seed, or null
 * @param edgeCaseProbability how often a favouring draw picks an edge case
 * @param shrinkLimit         how many candidates shrinking replays at most
 * @param coverage            the coverage the run must reach
 * @param failureDirectory    where failing examples are stored, or null for the configured directory
 * @param notes               named facts about how the run is configured, in order, handed on with its result
 * @param seedSalt            what the random choices are derived from besides the seed, or null for the seed alone
 */
public record Settings(String name, Integer tries, Duration timeBudget, Long seed, double edgeCaseProbability,
                       int shrinkLimit, List<Coverage> coverage, Path failureDirectory,
                       Map<String, String> notes, String seedSalt) {

    /** Settings where nothing is configured. */
    public static final Settings DEFAULT = new Settings(null, null, null, null, 0.05, 10_000, List.of(), null,
            Map.of(), null);

    /** Copies the coverage list and the notes. */
    public Settings {
        coverage = List.copyOf(coverage);
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /**
     * A coverage requirement.
     *
     * @param label          the label
     * @param minimumPercent the share of tries that must carry it, in percent
     */
    public record Coverage(String label, double minimumPercent) {
    }
}
