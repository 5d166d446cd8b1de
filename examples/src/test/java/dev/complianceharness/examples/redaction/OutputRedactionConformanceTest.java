package dev.complianceharness.examples.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.complianceharness.audit.AuditReport;
import dev.complianceharness.audit.CodebaseAudit;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.property.PropertyFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The conformance test of the redaction boundary (issue 16): personal values of every kind are planted through
 * failing fixture tests ({@link ConformanceFixtures}) into every channel the harness writes to, and each channel
 * is searched for them in every usual form. Zero raw occurrences everywhere; amounts, seeds, rule ids, citations,
 * timestamps and area codes readable; and every channel provably received the planted data (it holds tokens),
 * so that an empty channel cannot pass.
 */
@Isolated("replaces System.out while the fixtures run, to read the harness's own stdout lines")
@DisplayName("Nothing personal leaves the harness, and nothing else is hidden")
class OutputRedactionConformanceTest {

    private static final Map<String, String> CHANNELS = new LinkedHashMap<>();
    private static final List<Planted> PLANTED = new ArrayList<>(Planted.fixed());
    private static final List<Throwable> FAILURES = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void runFixtures(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path report = directory.resolve("report");
        Path failures = directory.resolve("failures");
        List<String> entries = new CopyOnWriteArrayList<>();
        // a plain @Test reads the failures directory from the system property
        String previousFailures = System.setProperty("complianceharness.failures.dir", failures.toString());
        String stdout;
        try {
            stdout = captureStdout(() -> launch(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "complianceharness.report.dir", report.toString(),
                "complianceharness.report.aggregate.dir", "",
                    "complianceharness.failures.dir", failures.toString()), entries));
        } finally {
            if (previousFailures == null) {
                System.clearProperty("complianceharness.failures.dir");
            } else {
                System.setProperty("complianceharness.failures.dir", previousFailures);
            }
        }

        for (Throwable failure : FAILURES) {
            if (failure instanceof PropertyFailure property && property.shrunkValue() instanceof CanaryCustomer customer) {
                PLANTED.addAll(List.of(new Planted("generated name", PiiKind.NAME, customer.name()),
                        new Planted("generated e-mail", PiiKind.EMAIL, customer.email()),
                        new Planted("generated phone", PiiKind.PHONE, customer.phone()),
                        new Planted("generated card", PiiKind.CARD, customer.card()),
                        new Planted("generated SSN", PiiKind.SSN, customer.ssn()),
                        new Planted("generated IBAN", PiiKind.IBAN, customer.iban())));
            } else if (failure instanceof PropertyFailure property && property.shrunkValue() instanceof String number) {
                PLANTED.add(new Planted("generated SMS number", PiiKind.PHONE, number));
            }
        }
        CHANNELS.put("JUnit failure messages", FAILURES.stream().map(OutputRedactionConformanceTest::messages)
                .collect(Collectors.joining("\n")));
        CHANNELS.put("stack traces with causes", FAILURES.stream().map(OutputRedactionConformanceTest::stackTrace)
                .collect(Collectors.joining("\n")));
        CHANNELS.put("property failures", FAILURES.stream().filter(PropertyFailure.class::isInstance)
                .map(PropertyFailure.class::cast)
                .map(failure -> failure.getMessage() + "\n" + failure.originalExample() + "\n" + failure.shrunkExample())
                .collect(Collectors.joining("\n")));
        CHANNELS.put("JUnit report entries", String.join("\n", entries));
        CHANNELS.put("stdout lines of the harness", stdout.lines().filter(line -> line.contains("[compliance-harness]"))
                .collect(Collectors.joining("\n")));
        CHANNELS.put("report.json", Files.readString(report.resolve("report.json")));
        CHANNELS.put("index.html", Files.readString(report.resolve("index.html")));
        CHANNELS.put("gate.txt", Files.readString(report.resolve("gate.txt")));
        CHANNELS.put("partial results of the launch", otherFiles(report));
        CHANNELS.put("failure store (names and contents)", failureStore(failures));
        CHANNELS.put("audit output (text, JSON, HTML)", audit(directory));
    }

    @Test
    @DisplayName("no channel holds a planted value, in any form")
    void noRawValues() {
        Map<String, Map<String, Integer>> leaks = new LinkedHashMap<>();
        CHANNELS.forEach((channel, text) -> {
            for (Planted planted : PLANTED) {
                int found = planted.occurrencesIn(text);
                if (found > 0) {
                    leaks.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(planted.label(), found);
                }
            }
        });
        assertThat(leaks).as("raw occurrences of planted values, per channel:%n%s", table()).isEmpty();
    }

    @Test
    @DisplayName("every channel received the planted data: it shows tokens in their place")
    void everyChannelExercised() {
        CHANNELS.forEach((channel, text) -> assertThat(text).as(channel).containsPattern("<(?:phone|email|card|ssn|iban|name|"
                + "address|secret|pii|number|date)(?:\\s|&#\\d+;|[^<>#]){0,60} ?#[0-9a-f]{4}>|\\\\u003c(?:phone|email|card|"
                + "iban|name|pii|secret|number)[^\"]{0,80}#[0-9a-f]{4}\\\\u003e|&lt;(?:phone|email|card|iban|name|pii|secret|"
                + "number|date|ssn|address)[^&]{0,80}#[0-9a-f]{4}&gt;"));
        assertThat(FAILURES).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @DisplayName("amounts, seeds, rule ids, citations, timestamps and area codes stay readable")
    void readableValuesSurvive() {
        String messages = CHANNELS.get("JUnit failure messages");
        assertThat(messages).contains(ConformanceFixtures.AMOUNT, ConformanceFixtures.GROUPED_AMOUNT,
                ConformanceFixtures.RULE_ID, ConformanceFixtures.CITATION, "2025-06-03T00:30:00Z",
                "seed " + ConformanceFixtures.PROPERTY_SEED, "-Dcomplianceharness.seed=" + ConformanceFixtures.PROPERTY_SEED,
                "sms.quiet-hours.us-fl-501-616", "Fla. Stat. 501.616(6)", "<phone +1 786 \u2026",
                "privacy-office <privacy-office@example.com>");
        assertThat(CHANNELS.get("report.json")).contains(ConformanceFixtures.RULE_ID,
                String.valueOf(ConformanceFixtures.PROPERTY_SEED), ConformanceFixtures.AMOUNT);
        assertThat(CHANNELS.get("stdout lines of the harness")).contains("(seed " + ConformanceFixtures.PROPERTY_SEED + ")");
        assertThat(CHANNELS.get("failure store (names and contents)")).contains("(seed " + ConformanceFixtures.PROPERTY_SEED + ")");
    }

    private static String table() {
        StringBuilder table = new StringBuilder();
        CHANNELS.forEach((channel, text) -> {
            table.append(String.format("  %-38s", channel));
            int total = 0;
            for (Planted planted : PLANTED) {
                total += planted.occurrencesIn(text);
            }
            table.append(total).append('\n');
        });
        return table.toString();
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable suppressed : failure.getSuppressed()) {
            text.append('\n').append(suppressed.getMessage());
        }
        return text.toString();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** Every other file the report directory holds: the launch's partial result, from which reports are merged. */
    private static String otherFiles(Path report) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("report.json") && !name.equals("index.html") && !name.equals("gate.txt")) {
                    text.append(report.relativize(file)).append('\n').append(Files.readString(file)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String failureStore(Path failures) throws IOException {
        if (!Files.isDirectory(failures)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(failures)) {
            for (Path file : files.sorted().toList()) {
                text.append(file.getFileName()).append('\n').append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    private static String audit(Path directory) throws IOException {
        Path owners = Files.writeString(directory.resolve("CODEOWNERS"), "* @vip-team " + Planted.EMAIL + "\n");
        Path classes = Path.of(OutputRedactionConformanceTest.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).resolve("dev/complianceharness/examples/redaction/audited");
        AuditReport audit = CodebaseAudit.of(classes).withCodeOwners(owners).run();
        return audit.toText(20) + "\n" + audit.toJson(20) + "\n" + audit.toHtml(20);
    }

    private static void launch(Map<String, String> configuration, List<String> entries) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(ConformanceFixtures.ALL).map(fixture -> selectClass(fixture)).toList())
                .configurationParameters(configuration)
                .build();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                result.getThrowable().ifPresent(FAILURES::add);
            }

            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entries.add(entry.getKeyValuePairs().toString());
            }
        };
        Launcher launcher = LauncherFactory.create();
        // on a thread of its own, as FixtureRuns does, so that the nested engine never works off this test's pool
        FutureTask<Void> run = new FutureTask<>(() -> launcher.execute(request, listener), null);
        Thread runner = new Thread(run, "conformance-fixture-run");
        runner.start();
        try {
            run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The fixtures could not be run", e.getCause());
        }
    }

    private static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                captured.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        try {
            action.run();
        } catch (UncheckedIOException e) {
            throw e;
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
