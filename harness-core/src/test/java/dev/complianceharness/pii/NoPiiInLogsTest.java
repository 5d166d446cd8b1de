package dev.complianceharness.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.junit.ComplianceConfigurationException;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.junit.ComplianceViolationError;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.logs.CapturedLogs;
import dev.complianceharness.pii.logs.LogContext;
import dev.complianceharness.report.internal.ReportFiles;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testkit.FixtureRuns;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("@NoPiiInLogs")
class NoPiiInLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("app.desk");

    @Nested
    @DisplayName("fails a test")
    class Fails {
        @Test
        @DisplayName("that logs a planted value, naming the field, the transformation, the logger and the masked line")
        void plantedValue() {
            EngineExecutionResults results = FixtureRuns.inParallel(PlantedEmailTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("leaksPlantedEmail"),
                    finishedWithFailure(instanceOf(ComplianceViolationError.class),
                            message(m -> m.startsWith("1 compliance violation in leaksPlantedEmail(Canaries):\n\n"
                                    + "pii.logs.no-canary-values: No planted personal value reaches the logs or standard"
                                    + " output, in any usual transformation\n")
                                    && m.contains("\n  why:        planted value planted.email reached the logs (as planted);"
                                    + " canary seed 42 (replay with @NoPiiInLogs(seed = 42L) or -Dcomplianceharness.pii.seed=42)\n"
                                    + "  evidence:   planted.email, as planted, logged by app.desk (LOGBACK INFO, thread ")
                                    && m.endsWith("): \"password reset sent to " + Redaction.token(PiiKind.EMAIL, "ada.quill@example.com")
                                    + "\"\n  module:     pii.logs 1.1.0")
                                    && !m.contains("ada.quill")))));
        }

        @Test
        @DisplayName("that logs a canary customer's data transformed: URL-encoded, reformatted, or masked too little")
        void transformed() {
            EngineExecutionResults results = FixtureRuns.inParallel(TransformedLeaksTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
            assertFailure(results, "leaksUrlEncodedEmail", "customer #1.email, url-encoded, logged by app.desk");
            assertFailure(results, "leaksLowerCasedName", "customer #1.name, case changed, logged by app.desk");
            assertFailure(results, "leaksReformattedPhone", "customer #1.phone, reformatted, logged by app.desk");
            assertFailure(results, "masksCardWrongly",
                    "customer #1.card, partial mask revealing 10 of 16 digits (allowed: the last 4), logged by app.desk");
        }

        @Test
        @DisplayName("whose logs a detector flags, although nothing was planted")
        void detector() {
            EngineExecutionResults results = FixtureRuns.inParallel(DetectedCardTestCase.class);
            assertFailure(results, "logsACard", "detector card (confidence 0.95), found by pattern, logged by app.desk"
                    + " (LOGBACK WARN, thread ");
            assertFailure(results, "printsAnIban", "detector iban (confidence 0.95), found by pattern, logged by System.out (STDOUT, thread ");
        }
    }

    @Nested
    @DisplayName("passes a test")
    class Passes {
        @Test
        @DisplayName("that logs only allowed masks and internal ids")
        void negativeControls() {
            FixtureRuns.inParallel(CleanTestCase.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        }
    }

    @Nested
    @DisplayName("attributes logs to the right test")
    class Attribution {
        @Test
        @DisplayName("while 20 tests run in parallel, half of them leaking from a shared application pool")
        void parallel() {
            EngineExecutionResults results = FixtureRuns.inParallel(ParallelTestCase.class);
            results.testEvents().assertStatistics(stats -> stats.started(20).succeeded(10).failed(10));
            results.testEvents().failed().stream().forEach(event -> assertThat(event.getTestDescriptor().getDisplayName())
                    .matches("repetition (\\d*[13579]) of 20"));
        }

        @Test
        @DisplayName("finding canaries even in events no test can be attributed, but not holding pattern findings there against it")
        void unattributed() {
            EngineExecutionResults results = FixtureRuns.inParallel(UnattributedTestCase.class);
            assertFailure(results, "canaryFromUnwrappedPool", "customer #1.email, as planted, logged by app.desk");
            results.testEvents().assertThatEvents().haveExactly(1, event(test("canaryFromUnwrappedPool"),
                    finishedWithFailure(message(m -> m.contains("not attributable to a test")))));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("patternFromUnwrappedPool"),
                    org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
        }

        @Test
        @DisplayName("claiming unattributed events under isolation = GLOBAL_LOCK")
        void globalLock() {
            EngineExecutionResults results = FixtureRuns.inParallel(GlobalLockTestCase.class);
            assertFailure(results, "patternFromUnwrappedPool", "detector card (confidence 0.95), found by pattern");
            results.testEvents().assertThatEvents().haveExactly(1, event(test("patternFromUnwrappedPool"),
                    finishedWithFailure(message(m -> m.contains("claimed under the global lock")))));
        }
    }

    @Nested
    @DisplayName("works with @ComplianceTest")
    class WithComplianceTest {
        @Test
        @DisplayName("sharing parameters and appearing in the compliance report, masked")
        void report(@TempDir Path directory) throws Exception {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(WithComplianceTestCase.class))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter(ReportFiles.REPORT_DIRECTORY, directory.toString())
                    .build(), summary);
            assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
            assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
            String json = Files.readString(directory.resolve("report.json"), StandardCharsets.UTF_8);
            assertThat(json).contains("\"id\": \"pii.logs.no-canary-values\"", "\"id\": \"pii.logs.no-detected-pii\"",
                            "\"pii.logs 1.1.0\"", "\"test.consent 1.0.0\"", "Regulation (EU) 2016/679, Art. 5(1)(f)",
                            "planted.email, as planted, logged by app.desk", "\"policy\": \"log levels checked\"",
                            "\"choice\": \"the levels the logging configuration enables\"",
                            "\"policy\": \"hashed personal values in logs\"", "\"choice\": \"allowed\"")
                    .doesNotContain("ada.quill");
        }
    }

    @Nested
    @DisplayName("reports configuration errors")
    class ConfigurationErrors {
        @Test
        @DisplayName("naming the annotated element and what to fix")
        void invalid() {
            EngineExecutionResults results = FixtureRuns.inParallel(MisconfiguredTestCase.class);
            results.testEvents().assertThatEvents().haveExactly(1, event(test("badPattern"),
                    finishedWithFailure(instanceOf(ComplianceConfigurationException.class), message(m -> m.startsWith(
                            "@NoPiiInLogs on MisconfiguredTestCase.badPattern() has an invalid allowPatterns entry '[a-'")))));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("badRegion"),
                    finishedWithFailure(instanceOf(ComplianceConfigurationException.class), message(m -> m.startsWith(
                            "@NoPiiInLogs on MisconfiguredTestCase.badRegion(): Unknown phone region 'Mars'")))));
        }
    }

    /** A pool whose thread starts now, outside any test, so it carries no capture context. */
    private static ExecutorService startedOutsideAnyTest() {
        java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        pool.prestartAllCoreThreads();
        return pool;
    }

    private static void assertFailure(EngineExecutionResults results, String method, String expected) {
        results.testEvents().assertThatEvents().haveExactly(1, event(test(method),
                finishedWithFailure(instanceOf(ComplianceViolationError.class), message(m -> m.contains(expected)))));
    }

    @NoPiiInLogs(seed = 42)
    static class PlantedEmailTestCase {
        @Test
        void leaksPlantedEmail(Canaries canaries) {
            String email = canaries.plant("email", PiiKind.EMAIL, "ada.quill@example.com");
            LOG.info("password reset sent to {}", email);
        }
    }

    @NoPiiInLogs(seed = 7)
    static class TransformedLeaksTestCase {
        @Test
        void leaksUrlEncodedEmail(CanaryCustomer customer) {
            LOG.info("redirecting to /reset?user={}", URLEncoder.encode(customer.email(), StandardCharsets.UTF_8));
        }

        @Test
        void leaksLowerCasedName(CanaryCustomer customer) {
            LOG.info("greeting {}", customer.name().toLowerCase(Locale.ROOT));
        }

        @Test
        void leaksReformattedPhone(CanaryCustomer customer) {
            String digits = customer.phone().replaceAll("\\D", "");
            digits = digits.substring(digits.length() - 10);
            LOG.info("calling {}.{}.{}", digits.substring(0, 3), digits.substring(3, 6), digits.substring(6));
        }

        @Test
        void masksCardWrongly(CanaryCustomer customer) {
            LOG.info("charged card {}******{}", customer.card().replaceAll("\\D", "").substring(0, 6), customer.cardLast4());
        }
    }

    @NoPiiInLogs
    static class DetectedCardTestCase {
        @Test
        void logsACard() {
            LOG.warn("charging 4111 1111 1111 1111");
        }

        @Test
        void printsAnIban() {
            System.out.println("refund to DE89 3704 0044 0532 0130 00");
        }
    }

    @NoPiiInLogs(allow = "support@acme.com")
    static class CleanTestCase {
        @Test
        void lastFourOfTheCard(CanaryCustomer customer) {
            LOG.info("charged card ending {} (************{})", customer.cardLast4(), customer.cardLast4());
        }

        @Test
        void internalIdsOnly(CanaryCustomer customer) {
            LOG.info("ticket 48213 opened for customer cust-{} at 2025-06-02 12:00:00,123", Long.toHexString(customer.seed()));
        }

        @Test
        void allowedSupportAddressAndMaskedEmail(CanaryCustomer customer) {
            LOG.info("reply from support@acme.com to {}", customer.email().charAt(0) + "***@example.com");
        }
    }

    @NoPiiInLogs
    static class ParallelTestCase {
        private static final ExecutorService APPLICATION_POOL = LogContext.propagating(Executors.newFixedThreadPool(3));

        @RepeatedTest(20)
        void leaksOnOddRepetitions(RepetitionInfo repetition, CanaryCustomer customer) throws Exception {
            boolean leak = repetition.getCurrentRepetition() % 2 == 1;
            APPLICATION_POOL.submit(() -> LOG.info("processing {}", leak ? customer.email() : "an order")).get();
        }
    }

    @NoPiiInLogs
    static class UnattributedTestCase {
        private static final ExecutorService UNWRAPPED = startedOutsideAnyTest();


        @Test
        void canaryFromUnwrappedPool(CanaryCustomer customer) throws Exception {
            UNWRAPPED.submit(() -> LOG.info("mailing {}", customer.email())).get();
        }

        @Test
        void patternFromUnwrappedPool() throws Exception {
            UNWRAPPED.submit(() -> LOG.info("charging 5500 0000 0000 0004")).get();
        }
    }

    @NoPiiInLogs(isolation = NoPiiInLogs.Isolation.GLOBAL_LOCK)
    static class GlobalLockTestCase {
        private static final ExecutorService UNWRAPPED = startedOutsideAnyTest();


        @Test
        void patternFromUnwrappedPool() throws Exception {
            UNWRAPPED.submit(() -> LOG.info("charging 5500 0000 0000 0004")).get();
        }
    }

    @NoPiiInLogs(seed = 42)
    @ComplianceTest(modules = ConsentModule.class)
    static class WithComplianceTestCase {
        @Test
        void leaksButKeepsConsent(ConsentModule.Outbox outbox, Canaries canaries, CapturedLogs logs) {
            outbox.consent("+13055550167");
            outbox.send("+13055550167", "hello");
            LOG.info("sent to {}", canaries.plant("email", PiiKind.EMAIL, "ada.quill@example.com"));
            assertThat(logs.size()).isEqualTo(1);
        }

        @Test
        void clean(ConsentModule.Outbox outbox) {
            outbox.consent("+13055550167");
            outbox.send("+13055550167", "hello");
            LOG.info("sent message 1");
        }
    }

    static class MisconfiguredTestCase {
        @Test
        @NoPiiInLogs(allowPatterns = "[a-")
        void badPattern() {
        }

        @Test
        @NoPiiInLogs(phoneRegions = "Mars")
        void badRegion() {
        }
    }
}
