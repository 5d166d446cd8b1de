package dev.complianceharness.junit;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.report.Html;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ThrowingChecks.AssertingModule;
import dev.complianceharness.testing.ThrowingChecks.RecursiveModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("No check can vanish")
class NoCheckVanishesTest {

    private static final String P67 = Redaction.token(PiiKind.PHONE, "+13055550167");
    private static final String P99 = Redaction.token(PiiKind.PHONE, "+13055550199");

    @Test
    @DisplayName("an AssertionError thrown by an assertion library inside a check is an errored invariant, masked")
    void assertionInsideCheck() {
        EngineExecutionResults results = inParallel(AssertingCheckTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsOnce"),
                finishedWithFailure(instanceOf(ComplianceViolationError.class), message("""
                        1 errored compliance check in sendsOnce(Outbox):

                        test.asserting-check: A check written with AssertJ
                          regulation: Directive 2002/58/EC Art. 13(1) [EU, high confidence]
                          owner:      privacy-team
                          tier:       REGULATORY
                          errored:    the check threw org.opentest4j.AssertionFailedError: expected: "%s" but was:\
                         "%s" (at ThrowingChecks.java:35); the invariant could not decide, so the test\
                         fails (fix the check, or the code it calls)
                          module:     test.asserting 1.0""".formatted(P99, P67)))));
        Throwable failure = failureOf(results);
        assertThat(failure.getCause()).hasMessage("org.opentest4j.AssertionFailedError: expected: \"" + P99 + "\""
                + " but was: \"" + P67 + "\"");
        assertThat(failure.getCause().getStackTrace()).anySatisfy(frame ->
                assertThat(frame.getClassName()).startsWith(AssertingModule.class.getName()));
        assertThat(stackTraceOf(failure)).doesNotContain("305-555-0199", "305-555-0167", "3055550167");
    }

    @Test
    @DisplayName("a StackOverflowError in a check is an errored invariant, not a crash of the test run")
    void stackOverflow() {
        EngineExecutionResults results = inParallel(RecursiveCheckTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsOnce"),
                finishedWithFailure(instanceOf(ComplianceViolationError.class), message(text -> text.startsWith(
                        "1 errored compliance check in sendsOnce(Outbox):\n\ntest.recursive-check: A check that never ends")
                        && text.contains("\n  errored:    the check threw java.lang.StackOverflowError (at ThrowingChecks.java:")))));
    }

    @Test
    @DisplayName("a violation and an errored check in one test are both named")
    void violationAndError() {
        EngineExecutionResults results = inParallel(ViolatedAndErroredTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsWithoutConsent"),
                finishedWithFailure(message(text -> text.startsWith(
                        "1 compliance violation and 1 errored compliance check in sendsWithoutConsent(Outbox):")))));
    }

    @Test
    @DisplayName("publishes every violation and errored check as a JUnit report entry, for IDEs, Allure and build tools")
    void reportEntries() {
        EngineExecutionResults results = inParallel(ViolatedAndErroredTestCase.class);

        List<String> entries = results.testEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .flatMap(pairs -> pairs.entrySet().stream()).map(entry -> entry.getKey() + " = " + entry.getValue()).toList();
        assertThat(entries).containsExactlyInAnyOrder(
                "compliance-harness.violation = test.consent-before-marketing: no consent from " + P67 + " was recorded"
                        + " before the message [Directive 2002/58/EC Art. 13(1), REGULATORY]",
                "compliance-harness.errored = test.asserting-check: the check threw org.opentest4j.AssertionFailedError: expected:"
                        + " \"" + P99 + "\" but was: \"" + P67 + "\" (at ThrowingChecks.java:35)");
    }

    @Test
    @DisplayName("an exception from a generator fails the test, which the report lists as failed; the gate fails")
    void generatorException(@TempDir Path report) throws Exception {
        run(ThrowingGeneratorTestCase.class, report);

        String gate = Files.readString(report.resolve("gate.txt"));
        assertThat(gate).startsWith("status=FAIL\n").contains("tests=1\nfailedTests=1\n")
                .containsPattern("failure.1=property .*ThrowingGeneratorTestCase.generates failed \\(seed -?\\d+\\)\n");
        assertThat(Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8))
                .contains("\"status\": \"FAILED\",\n      \"failure\": \"" + PropertyFailure.class.getName());
    }

    @Test
    @DisplayName("a test whose only check errored is in the report, and the gate is FAIL")
    void onlyTestErrored(@TempDir Path report) throws Exception {
        run(AssertingCheckTestCase.class, report);

        assertThat(Files.readString(report.resolve("gate.txt"))).startsWith("""
                status=FAIL
                zones=0
                invariants=3
                failedInvariants=0
                erroredInvariants=1
                properties=0
                tests=1
                failedTests=1
                launches=1
                warnings=0
                failure.1=invariant test.asserting-check errored in 1 test: the check threw org.opentest4j.AssertionFailedError:\
                 expected: "%s" but was: "%s" (at ThrowingChecks.java:35)
                """.formatted(P99, P67));
        String json = Files.readString(report.resolve("report.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"id\": \"test.asserting-check\"").contains("\"result\": \"errored\"")
                .contains("\"erroredTests\": 1").doesNotContain("305-555-0199", "3055550199");
        assertThat(Files.readString(report.resolve("index.html"))).contains("the check threw org.opentest4j.AssertionFailedError: expected: &quot;"
                + Html.escape(P99) + "&quot; but was: &quot;" + Html.escape(P67) + "&quot;");
    }

    @Test
    @DisplayName("a test that failed for its own reason while a module was active is in the report, and the gate is FAIL")
    void ownFailure(@TempDir Path report) throws Exception {
        run(OwnFailureTestCase.class, report);

        String gate = Files.readString(report.resolve("gate.txt"));
        assertThat(gate).startsWith("status=FAIL\n").contains("tests=2\nfailedTests=2\n")
                .contains("failure.1=test NoCheckVanishesTest$OwnFailureTestCase \u203a failsOnItsOwn(Outbox) failed: java.lang.IllegalStateException:"
                        + " the payment service is down\n")
                .contains("failure.2=test NoCheckVanishesTest$OwnFailureTestCase \u203a misconfigured() failed:"
                        + " dev.complianceharness.junit.ComplianceConfigurationException: @ComplianceTest on"
                        + " OwnFailureTestCase.misconfigured() names module id 'no.such-module', but no module with that id is"
                        + " registered for ServiceLoader (found: test.consent).");
    }

    private static void run(Class<?> fixture, Path report) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(ReportFiles.REPORT_DIRECTORY, report.toString()).build());
    }

    private static Throwable failureOf(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static String stackTraceOf(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @ComplianceTest(modules = {ConsentModule.class, AssertingModule.class})
    static class AssertingCheckTestCase {
        @Test
        void sendsOnce(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    @ComplianceTest(modules = RecursiveModule.class)
    @ComplianceTest(modules = ConsentModule.class)
    static class RecursiveCheckTestCase {
        @Test
        void sendsOnce(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    @ComplianceTest(modules = {ConsentModule.class, AssertingModule.class})
    static class ViolatedAndErroredTestCase {
        @Test
        void sendsWithoutConsent(Outbox outbox) {
            outbox.send("+1 305-555-0167", "Hello");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class ThrowingGeneratorTestCase {
        @Test
        void generates() {
            Property.forAll(Gens.integers(0, 10).map(i -> {
                throw new IllegalStateException("the generator's data file is missing");
            })).named("ThrowingGeneratorTestCase.generates").tries(5).check(value -> { });
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class OwnFailureTestCase {
        @Test
        void failsOnItsOwn(Outbox outbox) {
            outbox.consent("+1 305-555-0167");
            outbox.send("+1 305-555-0167", "Hello");
            throw new IllegalStateException("the payment service is down");
        }

        @Test
        @ComplianceTest(moduleIds = "no.such-module")
        void misconfigured() {
        }
    }
}
