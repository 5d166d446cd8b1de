package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyCheck;
import dev.complianceharness.property.PropertyResult;
import dev.complianceharness.property.stateful.internal.Rendering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A stateful property: commands applied to a fresh system under test, each checked against a model, with
 * invariants after every step. The engine generates command sequences from its recorded choices, so a
 * failure shrinks to a short sequence with small arguments and replays exactly from the printed seed.
 *
 * <pre>{@code
 * StatefulProperty.of(() -> new Account(0), Bank::new)
 *         .commands(deposit, withdraw, balance)
 *         .invariant("the balance is never negative", (account, bank) -> assertThat(bank.balance()).isNotNegative())
 *         .checkSequential();      // or .checkConcurrent() for the linearizability mode
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; every configuration method returns a new property.
 *
 * <p><b>Concurrent mode</b> ({@link #checkConcurrent()}): a sequential prefix, then {@link #branches(int)}
 * branches whose calls run in parallel threads, started together, against the same system. The arguments
 * of all branch calls are drawn from the model after the prefix. The observed results must match some
 * order of the calls that respects real time and that the model accepts (linearizability); the search is
 * memoised and bounded, and reaching the bound fails the run rather than passing it. Each generated case
 * runs {@link #repetitions(int)} times on fresh systems to catch races. Because another branch may get
 * there first, a command's run and model must handle every state (return a rejection as a result) and the
 * system must answer the same prefix the same way each time.
 *
 * @param <M> the model type: an immutable value with {@code equals} and {@code hashCode}
 * @param <S> the system type; closed after each run when it is {@link AutoCloseable}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class StatefulProperty<M, S> {

    private final Supplier<? extends M> initialModel;
    private final Supplier<? extends S> systemFactory;
    private final List<Command<M, S, ?, ?>> commands;
    private final List<NamedInvariant<M, S>> invariants;
    private final int minSteps;
    private final int maxSteps;
    private final String name;
    private final Integer tries;
    private final Long seed;
    private final int prefixMinSteps;
    private final int prefixMaxSteps;
    private final int branchCount;
    private final int branchMinSteps;
    private final int branchMaxSteps;
    private final int repetitions;
    private final int linearizabilitySearchBound;
    private final Duration branchTimeout;
    private final Map<String, String> notes;

    private StatefulProperty(Supplier<? extends M> initialModel, Supplier<? extends S> systemFactory,
            List<Command<M, S, ?, ?>> commands, List<NamedInvariant<M, S>> invariants, int minSteps, int maxSteps,
            String name, Integer tries, Long seed, int prefixMinSteps, int prefixMaxSteps, int branchCount, int branchMinSteps,
            int branchMaxSteps, int repetitions, int linearizabilitySearchBound, Duration branchTimeout,
            Map<String, String> notes) {
        this.initialModel = initialModel;
        this.systemFactory = systemFactory;
        this.commands = List.copyOf(commands);
        this.invariants = List.copyOf(invariants);
        this.minSteps = minSteps;
        this.maxSteps = maxSteps;
        this.name = name;
        this.tries = tries;
        this.seed = seed;
        this.prefixMinSteps = prefixMinSteps;
        this.prefixMaxSteps = prefixMaxSteps;
        this.branchCount = branchCount;
        this.branchMinSteps = branchMinSteps;
        this.branchMaxSteps = branchMaxSteps;
        this.repetitions = repetitions;
        this.linearizabilitySearchBound = linearizabilitySearchBound;
        this.branchTimeout = branchTimeout;
        this.notes = notes;
    }

    /**
     * Starts a stateful property. Defaults: 1 to 30 steps per sequence; concurrent cases with a prefix of
     * 0 to 5 steps, 2 branches of 1 to 4 calls, 5 repetitions, a search bound of 100,000 model states and
     * a 10 second branch timeout; tries and seed from the engine.
     *
     * @param <M> the model type
     * @param <S> the system type
     * @param initialModel the model of a fresh system, asked once per run
     * @param systemFactory a fresh system (or an adapter to one) per run, never shared between runs
     * @return the property, without commands yet
     */
    public static <M, S> StatefulProperty<M, S> of(Supplier<? extends M> initialModel,
            Supplier<? extends S> systemFactory) {
        Objects.requireNonNull(initialModel, "initialModel must not be null; pass a supplier of the fresh model");
        Objects.requireNonNull(systemFactory, "systemFactory must not be null; pass a supplier of a fresh system");
        return new StatefulProperty<>(initialModel, systemFactory, List.of(), List.of(), 1, 30, null, null, null, 0, 5, 2,
                1, 4, 5, 100_000, Duration.ofSeconds(10), Map.of());
    }

    /**
     * Adds commands; shrinking prefers earlier ones, so put the simplest first.
     *
     * @param added the commands
     * @return a new property with the commands added
     */
    @SafeVarargs
    public final StatefulProperty<M, S> commands(Command<M, S, ?, ?>... added) {
        Objects.requireNonNull(added, "commands must not be null");
        List<Command<M, S, ?, ?>> list = new ArrayList<>(added.length);
        for (Command<M, S, ?, ?> command : added) {
            list.add(command);
        }
        return commands(list);
    }

    /**
     * Adds commands; shrinking prefers earlier ones, so put the simplest first.
     *
     * @param added the commands
     * @return a new property with the commands added
     */
    public StatefulProperty<M, S> commands(List<? extends Command<M, S, ?, ?>> added) {
        Objects.requireNonNull(added, "commands must not be null");
        List<Command<M, S, ?, ?>> all = new ArrayList<>(commands);
        for (Command<M, S, ?, ?> command : added) {
            Objects.requireNonNull(command, "a command passed to commands(...) is null");
            if (all.stream().anyMatch(existing -> existing.name().equals(command.name()))) {
                throw new IllegalArgumentException("Two commands are named '" + command.name()
                        + "'; give each command its own name so that reports can tell them apart");
            }
            all.add(command);
        }
        return copy(all, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Adds an invariant checked after every step (and on the initial state).
     *
     * @param description what holds, as the report should say it, for example
     *                    {@code "refunds never exceed captures"}
     * @param invariant the check
     * @return a new property with the invariant added
     */
    public StatefulProperty<M, S> invariant(String description, StateInvariant<? super M, ? super S> invariant) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Invariant description must not be blank; say what holds, for example "
                    + "\"refunds never exceed captures\"");
        }
        Objects.requireNonNull(invariant, () -> "invariant '" + description + "' must not be null");
        List<NamedInvariant<M, S>> all = new ArrayList<>(invariants);
        all.add(new NamedInvariant<>(description, invariant));
        return copy(commands, all, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets how many commands a sequential run has.
     *
     * @param min the fewest, at least 0
     * @param max the most, at least 1 and at least {@code min}, at most 10,000
     * @return a new property with the bounds
     */
    public StatefulProperty<M, S> steps(int min, int max) {
        requireBounds("steps", min, max, 1);
        return copy(commands, invariants, min, max, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets the number of generated cases; without it the engine's default applies.
     *
     * @param count the number of tries, at least 1
     * @return a new property with the count
     */
    public StatefulProperty<M, S> tries(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tries(" + count + ") is invalid; give at least 1");
        }
        return copy(commands, invariants, minSteps, maxSteps, count, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Names the property in the engine's reports and in its store of failing examples; without a name
     * it is named after the test method that checks it.
     *
     * @param propertyName the name, not blank
     * @return a new property with the name
     */
    public StatefulProperty<M, S> named(String propertyName) {
        if (propertyName == null || propertyName.isBlank()) {
            throw new IllegalArgumentException("named(...) needs a non-blank name, for example \"payments survive "
                    + "concurrent captures\"");
        }
        return new StatefulProperty<>(initialModel, systemFactory, commands, invariants, minSteps, maxSteps,
                propertyName, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount, branchMinSteps, branchMaxSteps,
                repetitions, linearizabilitySearchBound, branchTimeout, notes);
    }

    /**
     * Adds a named fact about how this property is configured, such as the policy its model follows; the check
     * that {@link #checkSequential()} or {@link #checkConcurrent()} runs carries it (see
     * {@link dev.complianceharness.property.AbstractPropertyCheck#note(String, String)}), so that the report shows
     * it next to the run. Notes keep the order they were added in; a second note of the same name replaces the
     * first.
     *
     * <pre>{@code
     * StatefulProperty.of(Ledger::empty, LedgerService::new)
     *         .commands(post, reverse)
     *         .note("rounding", "half even, as the bank's statements do")
     *         .checkSequential();
     * }</pre>
     *
     * @param noteName what the note is about, not blank
     * @param value    what it says
     * @return a new property with the note
     */
    public StatefulProperty<M, S> note(String noteName, String value) {
        Objects.requireNonNull(noteName, "noteName");
        Objects.requireNonNull(value, "value");
        if (noteName.isBlank()) {
            throw new IllegalArgumentException("note(...) needs a name, for example note(\"refund policy\", \"refused"
                    + " while partially captured\")");
        }
        Map<String, String> all = new LinkedHashMap<>(notes);
        all.put(noteName.strip(), value);
        return new StatefulProperty<>(initialModel, systemFactory, commands, invariants, minSteps, maxSteps, name, tries,
                seed, prefixMinSteps, prefixMaxSteps, branchCount, branchMinSteps, branchMaxSteps, repetitions,
                linearizabilitySearchBound, branchTimeout, Collections.unmodifiableMap(all));
    }

    /**
     * The notes added with {@link #note(String, String)}.
     *
     * @return the notes, in the order they were added
     */
    public Map<String, String> notes() {
        return notes;
    }

    /**
     * Fixes the seed, for example the one a failure printed; without it the engine chooses (and prints) one.
     *
     * @param fixedSeed the seed
     * @return a new property with the seed
     */
    public StatefulProperty<M, S> seed(long fixedSeed) {
        return copy(commands, invariants, minSteps, maxSteps, tries, fixedSeed, prefixMinSteps, prefixMaxSteps,
                branchCount, branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets how many commands the sequential prefix of a concurrent case has.
     *
     * @param min the fewest, at least 0
     * @param max the most, at least {@code min}, at most 10,000
     * @return a new property with the bounds
     */
    public StatefulProperty<M, S> prefixSteps(int min, int max) {
        requireBounds("prefixSteps", min, max, 0);
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, min, max, branchCount, branchMinSteps,
                branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets how many branches run in parallel in a concurrent case.
     *
     * @param count the number of branches (threads), 2 to 16
     * @return a new property with the count
     */
    public StatefulProperty<M, S> branches(int count) {
        if (count < 2 || count > 16) {
            throw new IllegalArgumentException("branches(" + count + ") is invalid; give 2 to 16 parallel branches");
        }
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, count,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets how many calls each branch of a concurrent case makes; the linearizability search grows fast
     * with this, so keep it small.
     *
     * @param min the fewest, at least 1
     * @param max the most, at least {@code min}, at most 10,000
     * @return a new property with the bounds
     */
    public StatefulProperty<M, S> branchSteps(int min, int max) {
        requireBounds("branchSteps", min, max, 1);
        if (min < 1) {
            throw new IllegalArgumentException("branchSteps(" + min + ", " + max + ") is invalid; every branch needs "
                    + "at least 1 call");
        }
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                min, max, repetitions, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets how many times each concurrent case runs (on fresh systems) before it counts as a pass.
     *
     * @param count the repetitions, at least 1
     * @return a new property with the count
     */
    public StatefulProperty<M, S> repetitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repetitions(" + count + ") is invalid; give at least 1");
        }
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, count, linearizabilitySearchBound, branchTimeout);
    }

    /**
     * Sets the most model states the linearizability search visits for one run; a run that reaches it
     * fails as undecided.
     *
     * @param states the bound, at least 1
     * @return a new property with the bound
     */
    public StatefulProperty<M, S> linearizabilitySearchBound(int states) {
        if (states < 1) {
            throw new IllegalArgumentException("linearizabilitySearchBound(" + states + ") is invalid; give at least 1");
        }
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, states, branchTimeout);
    }

    /**
     * Sets how long the branches of one concurrent run may take before the run fails as hanging.
     *
     * @param timeout the timeout, positive
     * @return a new property with the timeout
     */
    public StatefulProperty<M, S> branchTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("branchTimeout(" + timeout + ") is invalid; give a positive duration");
        }
        return copy(commands, invariants, minSteps, maxSteps, tries, seed, prefixMinSteps, prefixMaxSteps, branchCount,
                branchMinSteps, branchMaxSteps, repetitions, linearizabilitySearchBound, timeout);
    }

    /**
     * The generator of sequential runs: each value is a command sequence already run against a fresh
     * system and checked. Use it to hand the property to the engine yourself (labels, coverage, the
     * annotation form): {@code Property.forAll(property.sequences()).check(StatefulRun::assertPassed)}.
     *
     * @return the generator
     * @throws IllegalStateException if the property has no commands
     */
    public Gen<SequentialRun> sequences() {
        requireCommands();
        Gen<SequentialRun> gen = choices -> {
            S system = newSystem();
            try {
                SequentialExecution<M, S> execution = new SequentialExecution<>(this, system, newModel());
                if (execution.checkInitialState()) {
                    execution.drawAndRun(choices, minSteps, maxSteps);
                }
                return execution.result();
            } finally {
                close(system);
            }
        };
        return gen.describedAs("command sequences of " + describeCommands());
    }

    /**
     * The generator of concurrent runs: each value is a concurrent case already run its repetitions
     * and checked for linearizability.
     *
     * @return the generator
     * @throws IllegalStateException if the property has no commands
     */
    public Gen<ConcurrentRun> concurrentRuns() {
        requireCommands();
        Gen<ConcurrentRun> gen = choices -> new ConcurrentExecution<>(this).drawAndRun(choices);
        return gen.describedAs("concurrent command branches of " + describeCommands());
    }

    /**
     * Runs the sequential mode through the engine: generated sequences, shrinking, seed and replay.
     *
     * @return what the engine ran: tries, seed, labels
     * @throws dev.complianceharness.property.PropertyFailure the engine's failure report, whose shrunk example is
     *         the failing run step by step
     */
    public PropertyResult checkSequential() {
        return check(sequences(), "sequential");
    }

    /**
     * Runs the concurrent (linearizability) mode through the engine.
     *
     * @return what the engine ran: tries, seed, labels
     * @throws dev.complianceharness.property.PropertyFailure the engine's failure report, whose shrunk example is
     *         the failing run with its branches' observations
     */
    public PropertyResult checkConcurrent() {
        return check(concurrentRuns(), "concurrent");
    }

    private <T extends StatefulRun> PropertyResult check(Gen<T> gen, String mode) {
        PropertyCheck<T> check = Property.forAll(gen).named(name != null ? name : caller() + " (" + mode + ")");
        if (tries != null) {
            check = check.tries(tries);
        }
        if (seed != null) {
            check = check.seed(seed);
        }
        for (Map.Entry<String, String> note : notes.entrySet()) {
            check = check.note(note.getKey(), note.getValue());
        }
        return check.check(StatefulRun::assertPassed);
    }

    /** The test method that runs the property, so that each property has its own name and stored failure. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !FRAMEWORK_FRAME.matcher(frame.getClassName()).lookingAt())
                .findFirst()
                .map(frame -> frame.getClassName() + "." + LAMBDA_NAME.matcher(frame.getMethodName()).replaceAll("$1"))
                .orElse("stateful property"));
    }

    private static final Pattern FRAMEWORK_FRAME = Pattern.compile(
            "(java\\.|jdk\\.|sun\\.|org\\.assertj\\.|org\\.junit\\.|" + Pattern.quote(StatefulProperty.class.getName()) + ")");
    private static final Pattern LAMBDA_NAME = Pattern.compile("^lambda\\$(.*)\\$\\d+$");

    List<Command<M, S, ?, ?>> commandList() {
        return commands;
    }

    List<NamedInvariant<M, S>> invariantList() {
        return invariants;
    }

    S newSystem() {
        S system;
        try {
            system = systemFactory.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The system factory of the stateful property threw " + Rendering.thrown(e)
                    + "; it must create a fresh system for every run", e);
        }
        if (system == null) {
            throw new IllegalStateException("The system factory of the stateful property returned null; it must create "
                    + "a fresh system for every run");
        }
        return system;
    }

    M newModel() {
        M model = initialModel.get();
        if (model == null) {
            throw new IllegalStateException("The initial model of the stateful property is null; return the model of "
                    + "a fresh system");
        }
        return model;
    }

    void checkInvariants(M model, S system) {
        for (NamedInvariant<M, S> invariant : invariants) {
            try {
                invariant.check(model, system);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("invariant '" + invariant.description() + "' failed: " + Rendering.thrown(e), e);
            }
        }
    }

    static void close(Object system) {
        if (system instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the system under test failed: " + Rendering.thrown(e), e);
            }
        }
    }

    int prefixMinSteps() {
        return prefixMinSteps;
    }

    int prefixMaxSteps() {
        return prefixMaxSteps;
    }

    int branchCount() {
        return branchCount;
    }

    int branchMinSteps() {
        return branchMinSteps;
    }

    int branchMaxSteps() {
        return branchMaxSteps;
    }

    int repetitions() {
        return repetitions;
    }

    int linearizabilitySearchBound() {
        return linearizabilitySearchBound;
    }

    Duration branchTimeout() {
        return branchTimeout;
    }

    private void requireCommands() {
        if (commands.isEmpty()) {
            throw new IllegalStateException("The stateful property has no commands; add them with commands(...)");
        }
    }

    private String describeCommands() {
        return commands.stream().map(Command::name).toList().toString();
    }

    private static void requireBounds(String method, int min, int max, int lowestMax) {
        if (min < 0 || max < Math.max(min, lowestMax) || max > 10_000) {
            throw new IllegalArgumentException(method + "(" + min + ", " + max + ") is invalid; give 0 <= min <= max, "
                    + "max >= " + lowestMax + " and max <= 10000");
        }
    }

    private StatefulProperty<M, S> copy(List<Command<M, S, ?, ?>> newCommands, List<NamedInvariant<M, S>> newInvariants,
            int newMinSteps, int newMaxSteps, Integer newTries, Long newSeed, int newPrefixMin, int newPrefixMax,
            int newBranchCount, int newBranchMin, int newBranchMax, int newRepetitions, int newBound,
            Duration newTimeout) {
        return new StatefulProperty<>(initialModel, systemFactory, newCommands, newInvariants, newMinSteps, newMaxSteps,
                name, newTries, newSeed, newPrefixMin, newPrefixMax, newBranchCount, newBranchMin, newBranchMax, newRepetitions,
                newBound, newTimeout, notes);
    }

    /** An invariant with its description. */
    static final class NamedInvariant<M, S> {
        private final String description;
        private final StateInvariant<? super M, ? super S> check;

        NamedInvariant(String description, StateInvariant<? super M, ? super S> check) {
            this.description = description;
            this.check = check;
        }

        String description() {
            return description;
        }

        void check(M model, S system) {
            check.check(model, system);
        }
    }
}
