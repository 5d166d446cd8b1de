package dev.complianceharness.property.internal;

import dev.complianceharness.property.Gen;
import dev.complianceharness.property.InvalidGeneratorException;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.PropertyResult;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import dev.complianceharness.property.spi.PropertyRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.opentest4j.TestAbortedException;

/**
 * Runs a property: replays a stored failure first, generates examples from a seed, shrinks the first
 * failure on its choice sequence, stores it, and reports the run.
 *
 * @param <T> the example type
 */
public final class Engine<T> {

    /** Configuration parameter (or system property) fixing the seed of every property. */
    public static final String SEED_PARAMETER = "complianceharness.seed";
    /** Configuration parameter (or system property) setting the default number of tries. */
    public static final String TRIES_PARAMETER = "complianceharness.tries";
    /** Configuration parameter (or system property) naming the directory failing examples are stored in. */
    public static final String FAILURES_PARAMETER = "complianceharness.failures.dir";
    /**
     * Configuration parameter (or system property): {@code false} stops the one-line summary (with the
     * seed) each passing property prints; failures always show their seed.
     */
    public static final String SUMMARY_PARAMETER = "complianceharness.property.summary";
    /**
     * Configuration parameter (or system property): how long shrinking may take at most, as an ISO-8601 duration
     * ({@code PT2M}) or {@code none}. With {@code none} only the replay limit stops it, so the shrunk example no
     * longer depends on how fast the machine is; proof tests that pin shrunk examples use it.
     */
    public static final String SHRINK_TIME_LIMIT_PARAMETER = "complianceharness.shrink.timeLimit";
    /** How many examples a property tries unless configured. */
    public static final int DEFAULT_TRIES = 100;

    /** Stands for "no time limit": long enough never to be reached, short enough not to overflow a nanosecond clock. */
    private static final Duration NO_TIME_LIMIT = Duration.ofDays(365);

    private static final ThreadLocal<List<String>> LABELS = new ThreadLocal<>();
    /** The line number at the end of a caller, {@code Type.method:42}; compiled once, as every check uses it. */
    private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+$");

    private final Gen<T> generator;
    private final Body<T> body;
    private final Settings settings;
    private final List<Function<? super T, String>> labellers;
    private final Optional<PropertyContext> context;
    private final String name;
    private final String caller;
    /** Set by the constructor under a harness extension, else by {@link #key()} when first needed. */
    private String key;
    private final List<String> warnings = new ArrayList<>();
    private boolean mayStore = true;
    private Evaluation<T> smallestFailure;
    /** The labels of the example being checked; {@link #label(String)} adds to it from the body. */
    private final List<String> labelBuffer = new ArrayList<>();
    /** How many tries {@link #generateWhilePassing} passed in its last call. */
    private int passedInLoop;

    /**
     * The property's body.
     *
     * @param <T> the example type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Checks one example.
         *
         * @param example the example
         * @throws Throwable when the property does not hold
         */
        void check(T example) throws Throwable;
    }

    /**
     * Prepares a run.
     *
     * @param generator the generator of examples
     * @param body      the property
     * @param settings  how to run it
     * @param labellers label each example
     * @param caller    where the check was called from, identifying the property
     */
    public Engine(Gen<T> generator, Body<T> body, Settings settings, List<Function<? super T, String>> labellers,
                  String caller) {
        this.generator = generator;
        this.body = body;
        this.settings = settings;
        this.labellers = List.copyOf(labellers);
        this.context = PropertyContext.current();
        this.name = settings.name() != null ? settings.name() : LINE_NUMBER.matcher(caller).replaceFirst("");
        this.caller = caller;
        this.key = context.isPresent() ? context.get().identity(name) : null;
    }

    /**
     * The property's identity in the failure store. Without a harness extension it is found on the stack only when the
     * store needs it (it holds failures, or one is stored): walking a test framework's deep stack was the largest part
     * of what a passing check cost. Call it from within {@link #run()} only, whose frame the walk starts from.
     */
    private String key() {
        if (key == null) {
            key = TestIdentity.ofRunningEngine(caller) + "#" + name;
        }
        return key;
    }

    /**
     * Labels the example being checked on this thread; called from inside a property's body.
     *
     * @param label the label
     * @return whether a property was running on this thread to receive it
     */
    public static boolean label(String label) {
        List<String> labels = LABELS.get();
        if (labels == null) {
            return false;
        }
        labels.add(label);
        return true;
    }

    /**
     * Runs the property.
     *
     * @return how it went, when it held
     * @throws PropertyFailure when it failed
     */
    public PropertyResult run() {
        List<String> previous = LABELS.get();
        LABELS.set(labelBuffer);
        try {
            return runWithLabels();
        } finally {
            if (previous == null) {
                LABELS.remove();
            } else {
                LABELS.set(previous);
            }
        }
    }

    private PropertyResult runWithLabels() {
        long seed = seed();
        int tries = tries();
        FailureStore store = new FailureStore(settings.failureDirectory() != null ? settings.failureDirectory()
                : Path.of(configuration(FAILURES_PARAMETER).orElse(FailureStore.DEFAULT_DIRECTORY)));
        FailureStore.Loaded stored = store.load(this::key);
        stored.warning().ifPresent(this::warn);
        mayStore = stored.mayOverwrite();
        if (stored.entry().isPresent()) {
            FailureStore.Entry entry = stored.entry().get();
            Evaluation<T> replayed = evaluate(TestCase.replay(entry.shrunk()));
            if (replayed.status == Status.FAILING) {
                throw fail(replayed, exampleOf(entry.original()), entry.original(), entry.seed(), entry.tries(), store, true);
            }
            store.delete(key());
        }
        SplitMixRandom random = SplitMixRandom.seeded(settings.seedSalt() == null ? seed
                : seed ^ (settings.seedSalt().hashCode() * 0x9E3779B97F4A7C15L));
        long deadline = settings.timeBudget() == null ? Long.MAX_VALUE
                : System.nanoTime() + settings.timeBudget().toNanos();
        Map<String, Long> labels = new LinkedHashMap<>();
        int passed = 0;
        int discarded = 0;
        String lastRejecting = null;
        TestCase generating = null;
        while (passed < tries && (deadline == Long.MAX_VALUE || System.nanoTime() < deadline)) {
            Evaluation<T> evaluation;
            if (passed + discarded == 0) {
                evaluation = evaluate(TestCase.replay(new long[0]));
            } else if (generating == null) {
                evaluation = evaluate(generating = TestCase.random(random, settings.edgeCaseProbability()));
            } else {
                evaluation = generateWhilePassing(generating, random, tries - passed, deadline, labels);
                passed += passedInLoop;
                if (evaluation == null) {
                    continue;
                }
            }
            if (evaluation.status == Status.PASSED) {
                passed++;
                for (int i = 0; i < evaluation.labels.size(); i++) {
                    labels.merge(evaluation.labels.get(i), 1L, Long::sum);
                }
            } else if (evaluation.status == Status.DISCARDED) {
                discarded++;
                if (evaluation.rejectedBy != null) {
                    lastRejecting = evaluation.rejectedBy;
                }
                if (discarded > Math.max(100, 2 * tries) && discarded > 4 * passed) {
                    throw tooManyDiscarded(passed, discarded, lastRejecting);
                }
            } else {
                throw fail(evaluation, evaluation.example, evaluation.testCase.choices(), seed, passed + 1, store, false);
            }
        }
        if (passed == 0 && discarded > 0) {
            throw tooManyDiscarded(passed, discarded, lastRejecting);
        }
        Optional<String> coverageProblem = Coverage.check(settings.coverage(), labels, passed);
        if (coverageProblem.isPresent()) {
            String message = "Property '" + shownName() + "' held for " + passed + " tries (seed " + seed
                    + ") but did not reach the required coverage:\n" + OutputHooks.redact(coverageProblem.get())
                    + "\n  labels:  " + OutputHooks.redact(Coverage.distribution(labels, passed))
                    + "\n  fix:     generate more examples of the missing kind (a Gens.frequency(...) weight or an"
                    + " edge case), or raise tries(...)";
            report(passed, seed, labels, Optional.of(OutputHooks.redact(coverageProblem.get())));
            throw new AssertionError(message);
        }
        report(passed, seed, labels, Optional.empty());
        if (!"false".equalsIgnoreCase(configuration(SUMMARY_PARAMETER).orElse("true").trim())) {
            System.out.println("[compliance-harness] property " + shownName() + ": " + passed + " tries passed (seed " + seed
                    + ")" + (labels.isEmpty() ? "" : "; labels: " + OutputHooks.redact(Coverage.distribution(labels, passed))));
        }
        return new PropertyResult(name, passed, discarded, seed, labels);
    }

    private InvalidGeneratorException tooManyDiscarded(int passed, int discarded, String rejecting) {
        String culprit = rejecting != null ? rejecting + " rejected too many values"
                : "assumptions or oversized examples discarded too many examples";
        return new InvalidGeneratorException("Property '" + shownName() + "': " + OutputHooks.redact(culprit) + " (" + discarded
                + " examples discarded, " + passed + " kept). Generate valid values directly (with map or a"
                + " narrower range) instead of filtering, or loosen the predicate.");
    }

    private long seed() {
        if (settings.seed() != null) {
            return settings.seed();
        }
        if (context.isPresent() && context.get().seed().isPresent()) {
            return context.get().seed().getAsLong();
        }
        Optional<String> configured = configuration(SEED_PARAMETER).filter(value -> !value.isBlank());
        if (configured.isPresent()) {
            try {
                return Long.parseLong(configured.get().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The configuration parameter " + SEED_PARAMETER + " = '"
                        + OutputHooks.redact(configured.get()) + "' is not a seed: set it to the number a failure printed, e.g. -D"
                        + SEED_PARAMETER + "=42", e);
            }
        }
        return new SplittableRandom().nextLong();
    }

    private int tries() {
        if (settings.tries() != null) {
            return settings.tries();
        }
        if (context.isPresent() && context.get().tries().isPresent()) {
            return context.get().tries().getAsInt();
        }
        Optional<String> configured = configuration(TRIES_PARAMETER).filter(value -> !value.isBlank());
        if (configured.isPresent()) {
            try {
                int tries = Integer.parseInt(configured.get().trim());
                if (tries >= 1) {
                    return tries;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("The configuration parameter " + TRIES_PARAMETER + " = '"
                    + OutputHooks.redact(configured.get()) + "' is not a number of tries: set it to a whole number of 1 or more");
        }
        return DEFAULT_TRIES;
    }

    /** The configured time limit of shrinking; a very long one for {@code none}. */
    private Duration shrinkTimeLimit() {
        Optional<String> configured = configuration(SHRINK_TIME_LIMIT_PARAMETER);
        if (configured.isEmpty()) {
            return Shrinker.DEFAULT_TIME_LIMIT;
        }
        String value = configured.get();
        if (value.equalsIgnoreCase("none")) {
            return NO_TIME_LIMIT;
        }
        try {
            Duration limit = Duration.parse(value);
            if (limit.isNegative() || limit.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return limit;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(SHRINK_TIME_LIMIT_PARAMETER + "='" + value + "' is neither a positive"
                    + " ISO-8601 duration such as PT2M nor none", e);
        }
    }

    private static String describe(Duration limit) {
        return limit.equals(NO_TIME_LIMIT) ? "no time limit" : limit.toSeconds() + " s";
    }

    private Optional<String> configuration(String parameter) {
        if (context.isPresent()) {
            return context.get().configuration().get(parameter);
        }
        UnknownKeys.warnOnce();
        return HarnessConfiguration.withoutLauncher().get(parameter);
    }

    /** Something the run could not do as configured: printed now, shown with the result and in the report. */
    private void warn(String warning) {
        String redacted = OutputHooks.redact(warning);
        warnings.add(redacted);
        System.err.println("[compliance-harness] WARNING: property " + shownName() + ": " + redacted);
    }

    /**
     * The example a stored choice sequence generates, to show as the original example; null when it cannot be
     * generated any more (a changed generator). A passing try keeps no example, so this does not evaluate the body.
     */
    private T exampleOf(long[] choices) {
        try {
            return generator.generate(TestCase.replay(choices));
        } catch (RuntimeException | StackOverflowError notGenerated) {
            return null;
        }
    }

    private Evaluation<T> evaluate(TestCase testCase) {
        T example;
        try {
            example = generator.generate(testCase);
        } catch (Throwable problem) {
            return notGenerated(testCase, problem);
        }
        try {
            labelAndCheck(example);
        } catch (Throwable problem) {
            return notPassed(testCase, example, problem);
        }
        return labelBuffer.isEmpty() ? Evaluation.passed() : Evaluation.passed(List.copyOf(labelBuffer));
    }

    /**
     * Generates and checks tries on one test case, restarted for each, until {@code count} passed, the time budget is
     * spent, or one does not pass; adds the passing tries' labels. It does in one loop what {@link #evaluate(TestCase)}
     * does for one try, so that a passing try costs no call (the compiler does not inline {@code evaluate}, into which
     * it inlines the whole generator).
     *
     * @return the try that did not pass (it keeps the test case: a failing one ends the run), or null; how many passed
     *         is left in {@link #passedInLoop}
     */
    private Evaluation<T> generateWhilePassing(TestCase testCase, SplitMixRandom random, int count, long deadline,
                                               Map<String, Long> labels) {
        int passedHere = 0;
        try {
            while (passedHere < count && (deadline == Long.MAX_VALUE || System.nanoTime() < deadline)) {
                // one test case for every try: a failing one ends the loop, so no try overwrites a kept one
                testCase.restart(random);
                T example;
                try {
                    example = generator.generate(testCase);
                } catch (Throwable problem) {
                    return notGenerated(testCase, problem);
                }
                try {
                    labelAndCheck(example);
                } catch (Throwable problem) {
                    return notPassed(testCase, example, problem);
                }
                passedHere++;
                for (int i = 0; i < labelBuffer.size(); i++) {
                    labels.merge(labelBuffer.get(i), 1L, Long::sum);
                }
            }
            return null;
        } finally {
            passedInLoop = passedHere;
        }
    }

    /** Labels an example (into {@link #labelBuffer}) and checks the property on it. */
    private void labelAndCheck(T example) throws Throwable {
        List<String> labels = labelBuffer;
        if (!labels.isEmpty()) {
            labels.clear();
        }
        for (int i = 0; i < labellers.size(); i++) {
            String label = labellers.get(i).apply(example);
            if (label != null) {
                labels.add(label);
            }
        }
        body.check(example);
    }

    /** What generating an example that threw amounts to: a discard, a failure, or a configuration error thrown on. */
    private static <T> Evaluation<T> notGenerated(TestCase testCase, Throwable problem) {
        if (problem instanceof Generators.Rejected rejected) {
            return Evaluation.discarded(testCase, rejected.generator());
        }
        if (problem instanceof TestCase.Overrun || problem instanceof Discard || problem instanceof TestAbortedException) {
            return Evaluation.discarded(testCase, null);
        }
        if (problem instanceof InvalidGeneratorException configurationError) {
            throw configurationError;
        }
        if (problem instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
            throw fatal;
        }
        return Evaluation.failing(testCase, null, problem, List.of());
    }

    /** What a try whose labelling or check threw amounts to: a discard or a failure; a fatal error is thrown on. */
    private Evaluation<T> notPassed(TestCase testCase, T example, Throwable problem) {
        if (problem instanceof Discard || problem instanceof TestAbortedException) {
            return Evaluation.discarded(testCase, null);
        }
        if (problem instanceof VirtualMachineError fatal && !(fatal instanceof StackOverflowError)) {
            throw fatal;
        }
        return Evaluation.failing(testCase, example, problem, List.copyOf(labelBuffer));
    }

    /**
     * Shrinks a failure and builds its report; the seed, try and original example are those of the run that first found
     * it (also when it is replayed from the store), so that the printed seed reproduces the same original and shrunk
     * example.
     */
    private PropertyFailure fail(Evaluation<T> original, T originalValue, long[] originalChoices, long seed, int tries,
                                 FailureStore store, boolean fromStore) {
        smallestFailure = original;
        Class<?> failureType = original.failure.getClass();
        Shrinker shrinker = new Shrinker(original.testCase, candidate -> {
            Evaluation<T> evaluation = evaluate(TestCase.replay(candidate));
            if (evaluation.status != Status.FAILING || evaluation.failure.getClass() != failureType) {
                return null;
            }
            if (Shrinker.compare(evaluation.testCase.choices(), smallestFailure.testCase.choices()) < 0) {
                smallestFailure = evaluation;
            }
            return evaluation.testCase;
        }, settings.shrinkLimit(), shrinkTimeLimit());
        shrinker.shrink();
        Evaluation<T> shrunk = smallestFailure;
        String originalExample = Examples.render(originalValue);
        String shrunkExample = Examples.render(shrunk.example);
        Optional<Path> storedAt = mayStore ? store.save(new FailureStore.Entry(key(), seed, tries, originalChoices,
                shrunk.testCase.choices()), "failing example of property " + shownName() + " (seed " + seed + ")")
                : Optional.empty();
        StringBuilder message = new StringBuilder();
        message.append("Property '").append(shownName()).append("' failed ")
                .append(fromStore ? "again on the failing example an earlier run stored (found after " + tries
                        + (tries == 1 ? " try" : " tries") + ")" : "after " + tries + (tries == 1 ? " try" : " tries"))
                .append(" (seed ").append(seed).append(").");
        message.append("\n  shrunk example:   ").append(shrunkExample)
                .append("  (").append(shrinker.improvements()).append(shrinker.improvements() == 1 ? " shrink step" : " shrink steps")
                .append(shrinker.stoppedAtLimit() ? "; shrinking stopped at its limit of " + settings.shrinkLimit()
                        + " replays or " + describe(shrinkTimeLimit()) + " (-D" + SHRINK_TIME_LIMIT_PARAMETER + "=none lifts"
                        + " the time limit), so it may shrink further" : "")
                .append(")");
        message.append("\n  original example: ").append(originalExample);
        message.append("\n  failure:          ").append(OutputHooks.redact(firstLine(shrunk.failure)));
        for (String warning : warnings) {
            message.append("\n  warning:          ").append(OutputHooks.redact(warning));
        }
        message.append("\n  replay:           run again with -D").append(SEED_PARAMETER).append('=').append(seed)
                .append(" (or .seed(").append(seed).append("L) on the check, seed = \"").append(seed)
                .append("\" on @PropertyTest)");
        storedAt.ifPresent(file -> message.append("; the shrunk example is stored in ").append(file)
                .append(" and tried first on the next run (delete the file to forget it)"));
        report(tries, seed, Map.of(), Optional.of(OutputHooks.redact("shrunk example " + shrunkExample + ": "
                + firstLine(shrunk.failure))));
        return new PropertyFailure(message.toString(), OutputHooks.redact(shrunk.failure), name, seed, tries,
                originalExample, shrunkExample,
                shrinker.improvements(), shrunk.example, storedAt.map(Path::toString).orElse(null));
    }

    /** The failure's type and message on one line: blank lines dropped, the rest joined, long ones cut. */
    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        String separator = ": ";
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                text.append(separator).append(line.strip());
                separator = " ";
            }
        }
        return text.length() > 300 ? text.substring(0, 300) + " …" : text.toString();
    }

    private void report(int tries, long seed, Map<String, Long> labels, Optional<String> failureSummary) {
        if (context.isEmpty()) {
            return;
        }
        PropertyContext test = context.get();
        List<String> shownWarnings = warnings.stream().map(OutputHooks::redact).toList();
        PropertyRun run = new PropertyRun(test.testId(), OutputHooks.redact(test.testName()), test.testClass(), shownName(),
                tries, seed, redactedLabels(labels), failureSummary.isEmpty(), failureSummary, redactedNotes(), shownWarnings);
        OutputHooks.finished(run, test.extensionContext());
        // redacted piece by piece, so that the seed stays readable in the entry
        test.extensionContext().publishReportEntry(PropertyRun.REPORT_ENTRY, new PropertyRun(test.testId(), run.testName(),
                test.testClass(), run.property(), tries, seed, run.labels(), run.passed(), failureSummary,
                Map.of(), List.of()).describe());
        for (String warning : shownWarnings) {
            test.extensionContext().publishReportEntry(PropertyRun.WARNING_ENTRY, warning);
        }
    }

    /** The property's name as shown: a name (or a dynamic test's name) may hold an example's personal data. */
    private String shownName() {
        return OutputHooks.redact(name);
    }

    private static Map<String, Long> redactedLabels(Map<String, Long> labels) {
        Map<String, Long> redacted = new LinkedHashMap<>();
        labels.forEach((label, count) -> redacted.merge(OutputHooks.redact(label), count, Long::sum));
        return redacted;
    }

    private Map<String, String> redactedNotes() {
        Map<String, String> notes = new LinkedHashMap<>();
        settings.notes().forEach((noteName, value) -> notes.put(noteName, OutputHooks.redact(value)));
        return notes;
    }

    /** How an example fared. */
    enum Status { PASSED, DISCARDED, FAILING }

    /** One evaluated test case. */
    private static final class Evaluation<T> {
        final TestCase testCase;
        final Status status;
        final T example;
        final Throwable failure;
        final List<String> labels;
        final String rejectedBy;

        private Evaluation(TestCase testCase, Status status, T example, Throwable failure, List<String> labels,
                           String rejectedBy) {
            this.testCase = testCase;
            this.status = status;
            this.example = example;
            this.failure = failure;
            this.labels = labels;
            this.rejectedBy = rejectedBy;
        }

        /** A pass without labels: only its status is read, so one instance serves every such try. */
        private static final Evaluation<?> PASSED = new Evaluation<>(null, Status.PASSED, null, null, List.of(), null);

        @SuppressWarnings("unchecked")
        static <T> Evaluation<T> passed() {
            return (Evaluation<T>) PASSED;
        }

        static <T> Evaluation<T> passed(List<String> labels) {
            return new Evaluation<>(null, Status.PASSED, null, null, labels, null);
        }

        static <T> Evaluation<T> discarded(TestCase testCase, String rejectedBy) {
            return new Evaluation<>(testCase, Status.DISCARDED, null, null, List.of(), rejectedBy);
        }

        static <T> Evaluation<T> failing(TestCase testCase, T example, Throwable failure, List<String> labels) {
            return new Evaluation<>(testCase, Status.FAILING, example, failure, labels, null);
        }
    }
}
