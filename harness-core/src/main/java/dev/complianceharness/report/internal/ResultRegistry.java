package dev.complianceharness.report.internal;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the harness's extensions leave each test's results: in the {@link ComplianceRun} of the test's launcher
 * session, so that concurrent launches never mix. Outside a launch that writes a report (a fixture run through
 * {@code EngineTestKit}), nothing is kept.
 */
public final class ResultRegistry {

    private ResultRegistry() {
    }

    /**
     * Registers a test as running under the harness, before anything can fail it, so that it is in the report with
     * its status even when it fails before any invariant runs.
     *
     * @param context the test's extension context
     */
    public static void testStarted(ExtensionContext context) {
        ComplianceRun.of(context).ifPresent(run -> run.testStarted(context));
    }

    /**
     * Leaves a test's outcomes and what the harness could not check in it.
     *
     * @param context  the test's extension context
     * @param outcomes its outcomes
     * @param warnings what could not be checked
     */
    public static void record(ExtensionContext context, List<InvariantOutcome> outcomes, List<String> warnings) {
        ComplianceRun.of(context).ifPresent(run -> run.record(context, outcomes, warnings));
    }

    /**
     * Makes a module's description available to the report of the test's launch.
     *
     * @param context     an extension context of the test
     * @param description the description
     */
    public static void describe(ExtensionContext context, ModuleDescription description) {
        ComplianceRun.of(context).ifPresent(run -> run.describe(description));
    }
}
