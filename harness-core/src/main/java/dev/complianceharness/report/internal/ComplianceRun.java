package dev.complianceharness.report.internal;

import dev.complianceharness.mask.Masking;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.store.Namespace;

/**
 * The results of one launcher session: what the compliance extension and the property engine found in each test,
 * the modules they activated, and the liability map, kept until each test plan ends and is written as a partial result.
 * It lives in the launcher session's store (the harness's {@link ComplianceSessionListener} puts it there), so two
 * launches in one JVM never mix; the extension finds it through {@link StoreScope#LAUNCHER_SESSION}. A fixture run
 * through {@code EngineTestKit} has no session listener and so no run: its results stay out of every report.
 */
public final class ComplianceRun implements AutoCloseable {

    /** The namespace of the harness's entries in the launcher session store. */
    static final Namespace NAMESPACE = Namespace.create(ComplianceRun.class);
    static final String KEY = "run";
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final Object lock = new Object();
    private Plan plan;

    ComplianceRun() {
    }

    /**
     * The run of the launch a test belongs to.
     *
     * @param context an extension context of the test
     * @return the run, or empty when the launch writes no report ({@code EngineTestKit})
     */
    public static Optional<ComplianceRun> of(ExtensionContext context) {
        ExtensionContext.Store session = context.getStore(StoreScope.LAUNCHER_SESSION,
                ExtensionContext.Namespace.create(ComplianceRun.class));
        return Optional.ofNullable(session.get(KEY, ComplianceRun.class));
    }

    /** One test plan's results, from its start to its end. */
    private static final class Plan {
        final String launchId;
        final Instant startedAt;
        final Path reportDirectory;
        final Optional<Path> aggregateDirectory;
        final HarnessConfiguration configuration;
        final List<String> runWarnings;
        final Map<String, TestBuilder> open = new LinkedHashMap<>();
        final List<TestResult> finished = new ArrayList<>();
        final Map<String, ModuleDescription> modules = new TreeMap<>();
        CompletableFuture<ZoneDiscovery.Result> zones;

        Plan(String launchId, Instant startedAt, Path reportDirectory, Optional<Path> aggregateDirectory,
             HarnessConfiguration configuration, List<String> runWarnings) {
            this.launchId = launchId;
            this.startedAt = startedAt;
            this.reportDirectory = reportDirectory;
            this.aggregateDirectory = aggregateDirectory;
            this.configuration = configuration;
            this.runWarnings = runWarnings;
        }
    }

    /** A test being recorded. */
    private static final class TestBuilder {
        final String id;
        final String testClass;
        final String name;
        final List<InvariantOutcome> invariants = new ArrayList<>();
        final List<PropertyOutcome> properties = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        TestBuilder(String id, String testClass, String name) {
            this.id = id;
            this.testClass = testClass;
            this.name = name;
        }

        TestResult finish(TestResult.Status status, Optional<String> failure) {
            return new TestResult(id, testClass, name, status, failure, invariants, properties, warnings);
        }
    }

    /**
     * Starts a test plan: the next results belong to it.
     *
     * @param configuration      the plan's configuration
     * @param launcherParameters the keys of the launcher's configuration parameters, for the unknown-key warnings
     * @return the launch id
     */
    String planStarted(HarnessConfiguration configuration, List<String> launcherParameters) {
        Instant now = Instant.now();
        String launchId = launchTime(now) + "-" + ProcessHandle.current().pid() + "-" + LAUNCHES.incrementAndGet();
        Path reportDirectory = Path.of(configuration.get(ReportFiles.REPORT_DIRECTORY).orElse(ReportFiles.DEFAULT_REPORT_DIRECTORY));
        Optional<Path> aggregate = configuration.get(ReportFiles.AGGREGATE_DIRECTORY).map(Path::of);
        Map<String, String> keys = new TreeMap<>();
        launcherParameters.stream().filter(key -> key.startsWith(HarnessConfiguration.PREFIX))
                .forEach(key -> keys.put(key, "launcher configuration parameter"));
        keys.putAll(HarnessConfiguration.keysSetOutsideTheLauncher());
        List<String> warnings = HarnessConfiguration.unknownKeyWarnings(keys).stream().map(Masking::mask).toList();
        warnings.forEach(warning -> System.err.println("[compliance-harness] WARNING: " + warning));
        synchronized (lock) {
            plan = new Plan(launchId, now, reportDirectory, aggregate, configuration, warnings);
        }
        ReportFiles.markStarted(reportDirectory, launchId, now);
        return launchId;
    }

    /**
     * The launch time as {@code yyyyMMdd'T'HHmmssSSS} in UTC, written out: a {@code DateTimeFormatter} pattern costs a
     * cold test JVM several milliseconds of class loading.
     */
    static String launchTime(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(18);
        pad(text, time.getYear(), 4);
        pad(text, time.getMonthValue(), 2);
        pad(text, time.getDayOfMonth(), 2);
        text.append('T');
        pad(text, time.getHour(), 2);
        pad(text, time.getMinute(), 2);
        pad(text, time.getSecond(), 2);
        pad(text, time.getNano() / 1_000_000, 3);
        return text.toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    /**
     * Registers a test as running under the harness, before anything can fail it.
     *
     * @param context the test's extension context
     */
    public void testStarted(ExtensionContext context) {
        synchronized (lock) {
            builder(context);
        }
    }

    private TestBuilder builder(ExtensionContext context) {
        if (plan == null) {
            // a launch whose plan-start callback has not run (a listener was not registered): keep results nowhere
            return new TestBuilder(context.getUniqueId(), "", "");
        }
        return plan.open.computeIfAbsent(context.getUniqueId(), id -> new TestBuilder(id,
                context.getTestClass().map(Class::getName).orElse(""), Masking.mask(context.getDisplayName())));
    }

    /**
     * Keeps what the invariants found in a test and what the harness could not check in it.
     *
     * @param context  the test's extension context
     * @param outcomes one outcome per verified invariant
     * @param warnings what could not be checked, unmasked
     */
    public void record(ExtensionContext context, List<InvariantOutcome> outcomes, List<String> warnings) {
        synchronized (lock) {
            TestBuilder test = builder(context);
            test.invariants.addAll(outcomes);
            warnings.stream().map(Masking::mask).filter(warning -> !test.warnings.contains(warning)).forEach(test.warnings::add);
        }
        if (!outcomes.isEmpty()) {
            startZoneDiscovery();
        }
    }

    /**
     * Keeps a generated property's run.
     *
     * @param context the test's extension context
     * @param outcome how it went
     */
    public void recordProperty(ExtensionContext context, PropertyOutcome outcome) {
        synchronized (lock) {
            builder(context).properties.add(outcome);
        }
        startZoneDiscovery();
    }

    /**
     * Keeps the description of an active module.
     *
     * @param description the description
     */
    void describe(ModuleDescription description) {
        synchronized (lock) {
            if (plan != null) {
                plan.modules.merge(description.key(), description, ModuleDescription::withPoliciesOf);
            }
        }
    }

    /**
     * Records how a test ended, if it ran under the harness.
     *
     * @param testId the test's unique id
     * @param result how it ended
     */
    void testFinished(String testId, TestExecutionResult result) {
        synchronized (lock) {
            if (plan == null) {
                return;
            }
            TestBuilder test = plan.open.remove(testId);
            if (test == null) {
                return;
            }
            TestResult.Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> TestResult.Status.PASSED;
                case ABORTED -> TestResult.Status.ABORTED;
                case FAILED -> TestResult.Status.FAILED;
            };
            plan.finished.add(test.finish(status, result.getThrowable().map(ComplianceRun::describe)));
        }
    }

    private static String describe(Throwable thrown) {
        String message = thrown.getMessage() == null ? "" : thrown.getMessage().strip();
        String firstLine = message.lines().findFirst().orElse("");
        String text = thrown.getClass().getName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
        return Masking.mask(text.length() > 300 ? text.substring(0, 300) + " …" : text);
    }

    /** Starts reading the liability map in the background, once per plan, when the first result arrives. */
    private void startZoneDiscovery() {
        HarnessConfiguration configuration;
        CompletableFuture<ZoneDiscovery.Result> future;
        synchronized (lock) {
            if (plan == null || plan.zones != null) {
                return;
            }
            future = new CompletableFuture<>();
            plan.zones = future;
            configuration = plan.configuration;
        }
        Thread reader = new Thread(() -> {
            try {
                future.complete(ZoneDiscovery.discover(configuration::get));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "compliance-harness-liability-map");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Ends the test plan: writes its partial result and the merged report of its report directory.
     *
     * @return what was written, or empty when no test ran under the harness
     */
    Optional<ReportFiles.Written> planFinished() {
        Plan finished;
        synchronized (lock) {
            finished = plan;
            plan = null;
        }
        if (finished == null) {
            return Optional.empty();
        }
        List<TestResult> tests = new ArrayList<>(finished.finished);
        finished.open.values().forEach(test -> tests.add(test.finish(TestResult.Status.UNFINISHED, Optional.empty())));
        if (tests.isEmpty()) {
            ReportFiles.unmarkStarted(finished.reportDirectory, finished.launchId);
            return Optional.empty();
        }
        Optional<ZoneDiscovery.Result> zones;
        if (finished.zones == null) {
            zones = Optional.empty();
        } else {
            try {
                zones = Optional.of(finished.zones.join());
            } catch (RuntimeException e) {
                zones = Optional.of(new ZoneDiscovery.Result(List.of(), List.of(Masking.mask("reading the liability map failed: "
                        + e)), "error"));
            }
        }
        PartialResult partial = new PartialResult(finished.launchId, finished.startedAt, Instant.now(), moduleDirectory(),
                tests, List.copyOf(finished.modules.values()), zones, finished.runWarnings);
        return Optional.of(ReportFiles.writeAndMerge(finished.reportDirectory, partial, finished.aggregateDirectory));
    }

    private static String moduleDirectory() {
        String base = System.getProperty("basedir");
        return Path.of(base != null ? base : System.getProperty("user.dir")).toAbsolutePath().normalize().toString();
    }

    /** A session that closes while a plan is open (the plan-end callback never came) still writes what it has. */
    @Override
    public void close() {
        planFinished();
    }
}
