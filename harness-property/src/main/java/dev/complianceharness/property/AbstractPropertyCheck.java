package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.CallSite;
import dev.complianceharness.property.internal.Engine;
import dev.complianceharness.property.internal.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The settings every property check shares: tries, time budget, seed, edge cases, name and coverage.
 * Unset values come from the annotation ({@code @PropertyTest}), the configuration parameters
 * {@value Engine#SEED_PARAMETER} and {@value Engine#TRIES_PARAMETER} (system properties or
 * {@code junit-platform.properties}), or the defaults (100 tries, a random seed).
 *
 * @param <S> the concrete check type, returned by every setter
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public abstract class AbstractPropertyCheck<S extends AbstractPropertyCheck<S>> {

    private static final Set<String> ENGINE_CLASSES = Set.of(AbstractPropertyCheck.class.getName(),
            PropertyCheck.class.getName(), PropertyCheck2.class.getName(), PropertyCheck3.class.getName(),
            Property.class.getName());

    private String name;
    private Integer tries;
    private Duration timeBudget;
    private Long seed;
    private double edgeCaseProbability = Settings.DEFAULT.edgeCaseProbability();
    private int shrinkLimit = Settings.DEFAULT.shrinkLimit();
    private final List<Settings.Coverage> coverage = new ArrayList<>();
    private Path failureDirectory;
    private final Map<String, String> notes = new LinkedHashMap<>();
    private String seedSalt;

    /** Subclasses are the engine's own. */
    AbstractPropertyCheck() {
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /**
     * Names the property in messages, the report and the failure store; by default it is named after the
     * method that checks it.
     *
     * @param propertyName the name
     * @return this check
     */
    public S named(String propertyName) {
        this.name = Objects.requireNonNull(propertyName, "propertyName");
        return self();
    }

    /**
     * Adds a named fact about how this run is configured, such as the policy a model follows; it is handed on
     * with the run's result (the compliance report shows it next to the run), so that a reader knows what a
     * pass stands on. Notes keep the order they were added in; a second note of the same name replaces the first.
     *
     * @param noteName what the note is about, not blank
     * @param value    what it says
     * @return this check
     */
    public S note(String noteName, String value) {
        Objects.requireNonNull(noteName, "noteName");
        Objects.requireNonNull(value, "value");
        if (noteName.isBlank()) {
            throw new IllegalArgumentException("note(...) needs a name, for example note(\"refund policy\", \"refused"
                    + " while partially captured\")");
        }
        notes.put(noteName.strip(), value);
        return self();
    }

    /**
     * How many examples must hold (default 100).
     *
     * @param count at least 1
     * @return this check
     */
    public S tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries(" + count + "): a property needs at least 1 try");
        }
        this.tries = count;
        return self();
    }

    /**
     * Stops generating after this long even if fewer examples than {@link #tries(int)} were tried; the
     * property then holds for the examples tried (the report shows how many).
     *
     * @param budget a positive duration
     * @return this check
     */
    public S timeBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("timeBudget(" + budget + "): the budget must be positive");
        }
        this.timeBudget = budget;
        return self();
    }

    /**
     * Fixes the seed, to replay a printed failure exactly.
     *
     * @param fixedSeed the seed
     * @return this check
     */
    public S seed(long fixedSeed) {
        this.seed = fixedSeed;
        return self();
    }

    /**
     * Derives this property's random choices from the seed and a salt, so that properties run with one seed (a
     * suite's, or {@value Engine#SEED_PARAMETER}) do not all draw the same choices. Messages and the report still
     * print the seed itself, which replays the property exactly as long as the salt stays the same.
     *
     * @param salt for example the name of the test within its suite
     * @return this check
     */
    public S seedSalt(String salt) {
        this.seedSalt = Objects.requireNonNull(salt, "salt");
        return self();
    }

    /**
     * How often a generator that favours edge cases (bounds, zero, ±1, empty) picks one in random
     * generation, per draw (default 0.05).
     *
     * @param probability in {@code [0, 1]}
     * @return this check
     */
    public S edgeCaseProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("edgeCaseProbability(" + probability + "): must lie in [0, 1]");
        }
        this.edgeCaseProbability = probability;
        return self();
    }

    /**
     * Generates without favouring edge cases.
     *
     * @return this check
     */
    public S withoutEdgeCases() {
        return edgeCaseProbability(0);
    }

    /**
     * How many candidates shrinking may replay (default 10,000).
     *
     * @param replays at least 0
     * @return this check
     */
    public S shrinkLimit(int replays) {
        if (replays < 0) {
            throw new IllegalArgumentException("shrinkLimit(" + replays + "): must not be negative");
        }
        this.shrinkLimit = replays;
        return self();
    }

    /**
     * Requires that at least the given share of tries carry a label; the property fails with the
     * distribution when generation does not reach it.
     *
     * @param label          the label, given by a labeller or {@link Property#label(String)}
     * @param minimumPercent the share, in percent, in {@code (0, 100]}
     * @return this check
     */
    public S requireCoverage(String label, double minimumPercent) {
        Objects.requireNonNull(label, "label");
        if (!(minimumPercent > 0 && minimumPercent <= 100)) {
            throw new IllegalArgumentException("requireCoverage(\"" + label + "\", " + minimumPercent
                    + "): the share is a percentage in (0, 100]");
        }
        coverage.add(new Settings.Coverage(label, minimumPercent));
        return self();
    }

    /**
     * Stores this property's failing examples in the given directory instead of the configured one
     * ({@value Engine#FAILURES_PARAMETER}, by default {@code target/compliance-harness/failures}).
     *
     * @param directory the directory
     * @return this check
     */
    public S storeFailuresIn(Path directory) {
        this.failureDirectory = Objects.requireNonNull(directory, "directory");
        return self();
    }

    void nameIfUnnamed(String propertyName) {
        if (name == null) {
            name = propertyName;
        }
    }

    Settings settings() {
        return new Settings(name, tries, timeBudget, seed, edgeCaseProbability, shrinkLimit, coverage, failureDirectory,
                notes, seedSalt);
    }

    static String caller() {
        return CallSite.callerOf(ENGINE_CLASSES, "property");
    }
}
