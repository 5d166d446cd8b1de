package dev.complianceharness.report.internal;

import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Watches the test plans of one launcher session for its {@link ComplianceRun}: starts a launch when a plan starts,
 * records how each test under the harness ended, and writes the launch's partial result and the merged report when the
 * plan finishes. {@link ComplianceSessionListener} registers one per session, so Maven Surefire, Gradle, IDEs and the
 * Console Launcher need no configuration.
 *
 * <p>Maven Surefire does not put JUnit report entries into its XML reports; this listener prints the harness's entries
 * ({@code compliance-harness.*}) to the test's standard output, which Surefire keeps with the test.
 */
final class ComplianceReportListener implements TestExecutionListener {

    private final ComplianceRun run;

    ComplianceReportListener(ComplianceRun run) {
        this.run = run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        HarnessConfiguration configuration = HarnessConfiguration.of(key -> testPlan.getConfigurationParameters().get(key));
        run.planStarted(configuration, List.copyOf(testPlan.getConfigurationParameters().keySet()));
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        run.testFinished(testIdentifier.getUniqueId(), testExecutionResult);
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        for (Map.Entry<String, String> published : entry.getKeyValuePairs().entrySet()) {
            // the property engine prints its own summary line; the rest would otherwise never reach Surefire's XML
            if (published.getKey().startsWith("compliance-harness.") && !published.getKey().equals("compliance-harness.property")) {
                System.out.println("[compliance-harness] " + published.getKey() + ": " + published.getValue());
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Optional<ReportFiles.Written> written = run.planFinished();
        if (written.isEmpty()) {
            return;
        }
        ComplianceReport report = written.get().report();
        int warnings = report.warnings().size() + report.runWarnings().size();
        System.out.println("[compliance-harness] Compliance report: " + written.get().index().toAbsolutePath() + " ("
                + report.tests().size() + (report.tests().size() == 1 ? " test, " : " tests, ")
                + report.invariants().size() + " invariants, " + report.failedInvariantCount() + " with violations, "
                + report.erroredInvariantCount() + " errored, " + report.zones().size()
                + (report.zones().size() == 1 ? " liability zone" : " liability zones") + ", "
                + report.launches().size() + (report.launches().size() == 1 ? " launch merged" : " launches merged")
                + "; gate " + (report.gate().passed() ? "PASS" : "FAIL")
                + (warnings == 0 ? "" : "; " + warnings + (warnings == 1 ? " warning of something the harness could not check"
                        : " warnings of what the harness could not check")) + ")");
        if (!report.gate().passed()) {
            // a failure names tests by their display names, which may hold personal data
            report.gate().failures().forEach(failure -> System.out.println("[compliance-harness]   gate: "
                    + Redaction.redact(failure)));
        }
        written.get().aggregate().ifPresent(index -> System.out.println(
                "[compliance-harness] Aggregate compliance report of the build: " + index.toAbsolutePath()));
    }
}
