package dev.complianceharness.report.internal;

import dev.complianceharness.mask.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the outcomes of every compliance test in a test plan and writes the compliance report when
 * the plan finishes. Registered through {@link java.util.ServiceLoader}, so that Maven Surefire, Gradle
 * and IDEs pick it up with no configuration.
 *
 * <p>The report goes to {@code target/compliance-report}, or to the directory named by the
 * configuration parameter or system property {@value #REPORT_DIRECTORY}.
 *
 * <p>The report's liability map is read from the module's compiled main classes (see
 * {@link ZoneDiscovery}); the reading starts in the background when the first compliance test finishes,
 * so that a test run without compliance tests pays nothing, and one with them pays little.
 */
public final class ComplianceReportListener implements TestExecutionListener {

    /** Configuration parameter (or system property) naming the report directory. */
    public static final String REPORT_DIRECTORY = "complianceharness.report.dir";
    /**
     * Configuration parameter (or system property) naming the aggregate report directory of a
     * multi-module build, normally {@code target/compliance-report} in the build's root.
     */
    public static final String AGGREGATE_DIRECTORY = "complianceharness.report.aggregate.dir";
    /** Where the report goes unless configured. */
    public static final String DEFAULT_REPORT_DIRECTORY = "target/compliance-report";

    private final List<InvariantOutcome> collected = new ArrayList<>();
    private final List<PropertyOutcome> properties = new ArrayList<>();
    private final List<ComplianceReport.TestWarning> warnings = new ArrayList<>();
    private volatile Path reportDirectory = Path.of(DEFAULT_REPORT_DIRECTORY);
    private volatile Path aggregateDirectory;
    private volatile ConfigurationParameters configuration;
    private final AtomicReference<CompletableFuture<ZoneDiscovery.Result>> zones = new AtomicReference<>();

    /** Created by {@link java.util.ServiceLoader}. */
    public ComplianceReportListener() {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        String configured = testPlan.getConfigurationParameters().get(REPORT_DIRECTORY)
                .orElse(System.getProperty(REPORT_DIRECTORY, DEFAULT_REPORT_DIRECTORY));
        reportDirectory = Path.of(configured);
        aggregateDirectory = testPlan.getConfigurationParameters().get(AGGREGATE_DIRECTORY)
                .or(() -> java.util.Optional.ofNullable(System.getProperty(AGGREGATE_DIRECTORY)))
                .filter(directory -> !directory.isBlank())
                .map(Path::of)
                .orElse(null);
        configuration = testPlan.getConfigurationParameters();
        zones.set(null);
        synchronized (collected) {
            collected.clear();
            properties.clear();
            warnings.clear();
        }
    }

    private CompletableFuture<ZoneDiscovery.Result> startZoneDiscovery() {
        CompletableFuture<ZoneDiscovery.Result> started = zones.get();
        if (started != null) {
            return started;
        }
        CompletableFuture<ZoneDiscovery.Result> future = new CompletableFuture<>();
        if (!zones.compareAndSet(null, future)) {
            return zones.get();
        }
        ConfigurationParameters parameters = configuration;
        Thread reader = new Thread(() -> {
            try {
                future.complete(ZoneDiscovery.discover(key -> parameters == null ? Optional.empty() : parameters.get(key)));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "compliance-harness-liability-map");
        reader.setDaemon(true);
        reader.start();
        return future;
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        List<InvariantOutcome> outcomes = ResultRegistry.take(testIdentifier.getUniqueId());
        List<PropertyOutcome> propertyOutcomes = ResultRegistry.takeProperties(testIdentifier.getUniqueId());
        List<ComplianceReport.TestWarning> testWarnings = ResultRegistry.takeWarnings(testIdentifier.getUniqueId());
        if (!outcomes.isEmpty() || !propertyOutcomes.isEmpty() || !testWarnings.isEmpty()) {
            startZoneDiscovery();
            synchronized (collected) {
                collected.addAll(outcomes);
                properties.addAll(propertyOutcomes);
                warnings.addAll(testWarnings);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<InvariantOutcome> outcomes;
        List<PropertyOutcome> propertyOutcomes;
        List<ComplianceReport.TestWarning> testWarnings;
        synchronized (collected) {
            outcomes = List.copyOf(collected);
            propertyOutcomes = List.copyOf(properties);
            testWarnings = List.copyOf(warnings);
        }
        if (outcomes.isEmpty() && propertyOutcomes.isEmpty() && testWarnings.isEmpty()) {
            return;
        }
        try {
            ZoneDiscovery.Result discovered;
            try {
                discovered = startZoneDiscovery().join();
            } catch (RuntimeException e) {
                discovered = new ZoneDiscovery.Result(List.of(), List.of("reading the liability map failed: " + e), "error");
            }
            ComplianceReport report = ComplianceReport.from(outcomes, propertyOutcomes, discovered.zones(),
                    discovered.problems(), testWarnings);
            Path index = new ReportWriter(reportDirectory).write(report);
            // the path is the harness's own choice, shown as it is: a temporary directory's digits are no card
            System.out.println("[compliance-harness] Compliance report: " + index.toAbsolutePath() + Redaction.redact(" ("
                    + report.invariants().size() + " invariants, " + report.failedInvariantCount()
                    + " with violations, " + report.zones().size()
                    + (report.zones().size() == 1 ? " liability zone" : " liability zones") + " from " + discovered.source()
                    + "; gate " + (report.gate().passed() ? "PASS" : "FAIL")
                    + (testWarnings.isEmpty() ? "" : "; " + testWarnings.size() + (testWarnings.size() == 1
                            ? " warning of something the harness could not check" : " warnings of what the harness could"
                            + " not check")) + ")"));
            Path aggregate = aggregateDirectory;
            if (aggregate != null && !aggregate.toAbsolutePath().normalize().equals(reportDirectory.toAbsolutePath().normalize())) {
                Path aggregateIndex = new ReportAggregator(aggregate).aggregate();
                System.out.println("[compliance-harness] Aggregate compliance report of the build: "
                        + aggregateIndex.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the compliance report to " + reportDirectory.toAbsolutePath(), e);
        }
    }
}
