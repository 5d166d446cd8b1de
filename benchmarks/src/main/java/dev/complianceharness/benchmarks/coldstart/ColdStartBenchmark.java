package dev.complianceharness.benchmarks.coldstart;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.payments.InMemoryPaymentService;
import dev.complianceharness.examples.payments.PaymentRecord;
import dev.complianceharness.examples.payments.PaymentRefusedException;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.payments.testing.PaymentHarness;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.recipient.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the harness adds to a fresh test JVM: each benchmark runs once per forked JVM ({@code SingleShotTime}, no
 * warm-up), so its score is the cost of the first use, and every harness case sits next to the check a team would
 * write by hand, measured in the same run. JUnit's own start-up is paid before the measurement (an empty test run
 * through a bare launcher), since a team pays it with or without the harness.
 *
 * <ul>
 *   <li>{@code firstSmsDecision}: {@code QuietHours.standard()} and one {@code decide} (rule pack, number, zones,
 *       compiled windows) vs. {@code naiveSmsCheck}: libphonenumber's zones and {@code java.time}.</li>
 *   <li>{@code firstSmsComplianceTest}: one {@code @ComplianceTest} test with the SMS module through the default
 *       launcher (session listener, extension, module, recording outbox, invariants, zone discovery, report written) vs.
 *       {@code naiveSmsTest}: the hand-written check as a plain test; {@code firstSmsComplianceTestWithZones}: the
 *       same in a module that declares a liability zone, whose zones discovery reads from its class files.</li>
 *   <li>{@code firstNoPiiInLogsTest}: one {@code @NoPiiInLogs} test logging through SLF4J and Logback vs.
 *       {@code naiveNoPiiInLogsTest}: a Logback list appender and three regular expressions.</li>
 *   <li>{@code firstPaymentSequence}: one generated, checked and shrinkable payment sequence against the in-memory
 *       example service vs. {@code naivePaymentLoop}: ten random requests with two assertions after each.</li>
 * </ul>
 *
 * <p>Run with the module's real class path (Surefire's, not the shaded jar's), for example
 * {@code scripts/cold-start-benchmark.sh}, which runs
 * {@code java -cp <class path> org.openjdk.jmh.Main ColdStartBenchmark -f 20 -rf json -rff benchmarks/results/coldstart.json};
 * the JSON's {@code scorePercentiles} hold the median over the forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(20)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {

    private Path reportDirectory;
    private Path classesWithoutZones;
    private Path classesWithZones;

    /** Creates the benchmark state. */
    public ColdStartBenchmark() {
    }

    /**
     * Starts JUnit with an empty test through a bare launcher, and prepares a report directory and two class directories
     * for zone discovery: this benchmark's own classes (no liability zone: the byte scan alone) and the SMS example's
     * (a {@code REGULATORY} zone: the scan and an ArchUnit import).
     *
     * @throws IOException if the directories cannot be prepared
     */
    @Setup
    public void startJUnit() throws IOException {
        reportDirectory = Files.createTempDirectory("coldstart-report");
        classesWithoutZones = Files.createTempDirectory("coldstart-classes");
        copyPackage(ColdStartBenchmark.class, classesWithoutZones);
        classesWithZones = Files.createTempDirectory("coldstart-zones");
        copyPackage(CampaignScheduler.class, classesWithZones);
        launch(ColdStartFixtures.EmptyTest.class, false, classesWithoutZones);
    }

    /** @return the first decision of the JVM */
    @Benchmark
    public Decision firstSmsDecision() {
        return QuietHours.standard().decide(Recipient.of(ColdStartFixtures.MIAMI), ColdStartFixtures.AFTERNOON_IN_MIAMI,
                MessageKind.MARKETING);
    }

    /** @return the hand-written check's first answer */
    @Benchmark
    public boolean naiveSmsCheck() {
        return ColdStartFixtures.naiveInsideFloridaWindow(ColdStartFixtures.MIAMI, ColdStartFixtures.AFTERNOON_IN_MIAMI);
    }

    /** @return the summary of the first {@code @ComplianceTest} test with the SMS module, in a module without zones */
    @Benchmark
    public TestExecutionSummary firstSmsComplianceTest() {
        return launch(ColdStartFixtures.SmsComplianceTest.class, true, classesWithoutZones);
    }

    /** @return the summary of the same test in a module that declares a liability zone (the SMS example) */
    @Benchmark
    public TestExecutionSummary firstSmsComplianceTestWithZones() {
        return launch(ColdStartFixtures.SmsComplianceTest.class, true, classesWithZones);
    }

    /** @return the summary of the hand-written test */
    @Benchmark
    public TestExecutionSummary naiveSmsTest() {
        return launch(ColdStartFixtures.NaiveSmsTest.class, false, classesWithoutZones);
    }

    /** @return the summary of the first {@code @NoPiiInLogs} test */
    @Benchmark
    public TestExecutionSummary firstNoPiiInLogsTest() {
        return launch(ColdStartFixtures.NoPiiInLogsTest.class, true, classesWithoutZones);
    }

    /** @return the summary of the hand-written log check */
    @Benchmark
    public TestExecutionSummary naiveNoPiiInLogsTest() {
        return launch(ColdStartFixtures.NaiveNoPiiInLogsTest.class, false, classesWithoutZones);
    }

    /** Checks the first generated payment sequence (one try, fixed seed). */
    @Benchmark
    public void firstPaymentSequence() {
        PaymentHarness.forAdapter(clock -> new PaymentServiceHarnessAdapter(new InMemoryPaymentService(clock)))
                .currencies("USD")
                .tries(1)
                .seed(42L)
                .checkSequences();
    }

    /** @return the record after ten random requests with two assertions after each */
    @Benchmark
    public PaymentRecord naivePaymentLoop() {
        Random random = new Random(42L);
        InMemoryPaymentService service = new InMemoryPaymentService(TestClock.atDefaultStart());
        PaymentRecord record = null;
        for (int step = 0; step < 10; step++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10));
            String key = "k" + step;
            try {
                switch (step == 0 ? 0 : random.nextInt(5)) {
                    case 0 -> service.authorize("pay-1", amount, "USD", key);
                    case 1 -> service.capture("pay-1", amount, "USD", false, key);
                    case 2 -> service.capture("pay-1", amount, "USD", true, key);
                    case 3 -> service.refund("pay-1", amount, "USD", key);
                    default -> service.cancel("pay-1", key);
                }
            } catch (PaymentRefusedException refused) {
                // a refused request is an answer too
            }
            record = service.find("pay-1").orElseThrow();
            if (record.captured() > record.authorized() || record.refunded() > record.captured()) {
                throw new AssertionError("totals broken: " + record);
            }
        }
        return record;
    }

    private TestExecutionSummary launch(Class<?> testClass, boolean withHarnessListeners, Path mainClasses) {
        LauncherConfig config = withHarnessListeners ? LauncherConfig.DEFAULT : LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameter("complianceharness.report.dir", reportDirectory.toString())
                .configurationParameter("complianceharness.liability.paths", mainClasses.toString())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession(config)) {
            session.getLauncher().execute(request, listener);
        }
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
            throw new IllegalStateException(testClass.getSimpleName() + " did not pass exactly one test: "
                    + summary.getFailures().stream().map(failure -> String.valueOf(failure.getException())).toList());
        }
        return summary;
    }

    /** Copies the class files of a class's package into a directory, from a class directory or a jar. */
    private static void copyPackage(Class<?> type, Path target) throws IOException {
        String folder = type.getPackageName().replace('.', '/') + "/";
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path packageTarget = Files.createDirectories(target.resolve(folder));
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(folder))) {
                for (Path file : (Iterable<Path>) files.filter(file -> file.toString().endsWith(".class"))::iterator) {
                    Files.copy(file, packageTarget.resolve(file.getFileName().toString()));
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0 && name.endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, packageTarget.resolve(name.substring(folder.length())));
                    }
                }
            }
        }
    }
}
