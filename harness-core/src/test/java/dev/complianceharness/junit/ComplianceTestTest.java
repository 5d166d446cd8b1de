package dev.complianceharness.junit;

import static dev.complianceharness.testkit.FixtureRuns.inParallel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.testing.ConsentModule;
import dev.complianceharness.testing.ConsentModule.Outbox;
import dev.complianceharness.testkit.FixtureRuns;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("@ComplianceTest")
class ComplianceTestTest {

    @Nested
    @DisplayName("verifies every active invariant after each test")
    class Verification {

        @Test
        @DisplayName("passes a test whose recorded events comply")
        void passesCompliantTest() {
            EngineExecutionResults results = inParallel(CompliantTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        }

        @Test
        @DisplayName("fails a test whose events break a per-event invariant, with the invariant, citation, owner, evidence and why")
        void failsPerEventViolation() {
            EngineExecutionResults results = inParallel(MissingConsentTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
            results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsWithoutConsent"),
                    finishedWithFailure(instanceOf(ComplianceViolationError.class), message("""
                            1 compliance violation in sendsWithoutConsent(Outbox):

                            test.consent-before-marketing: A marketing message goes only to a recipient who consented before it was sent
                              regulation: Directive 2002/58/EC Art. 13(1) [EU, high confidence]
                              owner:      privacy-team <privacy@example.com>
                              tier:       REGULATORY
                              why:        no consent from %1$s was recorded before the message
                              evidence:   MessageSent[to %1$s at 2025-06-02T12:00:00Z]
                              module:     test.consent 1.0.0""".formatted(FLORIDA_TOKEN)))));
        }

        @Test
        @DisplayName("fails a test whose trace breaks a whole-trace invariant, listing every offending event")
        void failsWholeTraceViolation() {
            EngineExecutionResults results = inParallel(TooManyMessagesTestCase.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test("sendsFourInOneDay"),
                    finishedWithFailure(instanceOf(ComplianceViolationError.class), message("""
                            1 compliance violation in sendsFourInOneDay(Outbox, TestClock):

                            test.at-most-three-per-day: At most 3 marketing messages to one recipient in any 24 hours
                              regulation: Fla. Stat. 501.616(6)(b) [US-FL, high confidence]
                              owner:      messaging-team
                              tier:       REGULATORY
                              why:        4 messages to %1$s within 24 hours
                              evidence:   MessageSent[to %1$s at 2025-06-02T12:00:00Z]
                              evidence:   MessageSent[to %1$s at 2025-06-02T18:00:00Z]
                              evidence:   MessageSent[to %1$s at 2025-06-03T00:00:00Z]
                              evidence:   MessageSent[to %1$s at 2025-06-03T06:00:00Z]
                              module:     test.consent 1.0.0""".formatted(FLORIDA_TOKEN)))));
        }

        @Test
        @DisplayName("never prints the personal data it found")
        void masksPersonalData() {
            EngineExecutionResults results = inParallel(MissingConsentTestCase.class);

            Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow();
            assertThat(failure.getMessage()).doesNotContain("305-555-0167", "3055550167", "Hello");
        }

        @Test
        @DisplayName("still fails a test that already failed, keeping the test's own failure first")
        void reportsViolationOfFailingTest() {
            EngineExecutionResults results = inParallel(FailingAndViolatingTestCase.class);

            Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow();
            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("the test's own failure");
            assertThat(failure.getSuppressed()).singleElement().isInstanceOf(ComplianceViolationError.class);
        }

        @Test
        @DisplayName("fails closed when a check throws instead of deciding")
        void failsClosedOnThrowingCheck() {
            EngineExecutionResults results = inParallel(ThrowingCheckTestCase.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test("recordsOneEvent"),
                    finishedWithFailure(instanceOf(ComplianceViolationError.class), message("""
                            1 errored compliance check in recordsOneEvent(Outbox):

                            test.throwing-check: A check whose rule data is missing
                              regulation: Directive 2002/58/EC Art. 13(1) [EU, high confidence]
                              owner:      nobody
                              tier:       REGULATORY
                              errored:    the check threw java.lang.IllegalStateException: rule data missing for %s\
                             (at ComplianceTestTest.java:295); the invariant could not decide, so the test fails (fix the check,\
                             or the code it calls)
                              module:     test.throwing 1""".formatted(FLORIDA_TOKEN)))));
        }
    }

    @Nested
    @DisplayName("gives each test its own recording parts")
    class Parts {

        @Test
        @DisplayName("injects the trace, the test clock and the modules' parts into test and lifecycle methods")
        void injectsParts() {
            EngineExecutionResults results = inParallel(InjectionTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("keeps events of tests that run in parallel, and of the threads they start, apart")
        void isolatesParallelTests() {
            EngineExecutionResults results = inParallel(ParallelTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(40).succeeded(40));
        }

        @Test
        @DisplayName("starts the clock where clockStart says")
        void startsClockWhereConfigured() {
            EngineExecutionResults results = inParallel(ClockStartTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("works as a meta-annotation, on @Nested classes and when selected by ServiceLoader id")
        void composes() {
            inParallel(MetaAnnotatedTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
            inParallel(ModuleIdTestCase.class).testEvents().assertStatistics(stats -> stats.started(1).failed(1));
            inParallel(DiscoveringTestCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        }
    }

    @Nested
    @DisplayName("reports configuration errors before the test body runs")
    class ConfigurationErrors {

        @ParameterizedTest(name = "{0}")
        @ValueSource(classes = {
                NoConstructorTestCase.class, AbstractModuleTestCase.class, ThrowingConstructorTestCase.class,
                EmptyModuleTestCase.class, DuplicateIdsInModuleTestCase.class, DuplicateIdsAcrossModulesTestCase.class,
                UnknownModuleIdTestCase.class, NoModuleTestCase.class, BadClockStartTestCase.class,
                BadModuleIdTestCase.class})
        @DisplayName("fails each test of a misconfigured class with its configuration error")
        void failsWithConfigurationError(Class<?> fixture) throws Exception {
            String expected = (String) fixture.getField("EXPECTED").get(null);

            EngineExecutionResults results = inParallel(fixture);

            results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                    finishedWithFailure(instanceOf(ComplianceConfigurationException.class), message(expected))));
            assertThat(BodyRuns.count(fixture)).as("test bodies that ran").isZero();
        }

        @Test
        @DisplayName("names the module that would provide a parameter nobody provides")
        void failsOnUnprovidedParameter() {
            EngineExecutionResults results = inParallel(UnprovidedParameterTestCase.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                    finishedWithFailure(message(text -> text.contains(
                            "No active compliance module provides a parameter of type " + Outbox.class.getName()
                                    + " for needsOutbox() (active modules: test.other)."
                                    + " Module 'test.consent' (" + ConsentModule.class.getName()
                                    + ") provides it: add it to @ComplianceTest(modules = ...).")))));
            assertThat(BodyRuns.count(UnprovidedParameterTestCase.class)).isZero();
        }

        @Test
        @DisplayName("refuses to inject per-test parts into constructors")
        void refusesConstructorInjection() {
            EngineExecutionResults results = inParallel(ConstructorInjectionTestCase.class);

            results.testEvents().assertThatEvents().haveExactly(1, event(test(),
                    finishedWithFailure(message(text -> text.contains("cannot be injected there: each test gets its own"
                            + " trace, clock and recording parts, so declare them as parameters of @Test, @BeforeEach or"
                            + " @AfterEach methods")))));
        }
    }

    // ---------------------------------------------------------------- fixtures

    static final String FLORIDA_NUMBER = "+1 305-555-0167";
    static final String FLORIDA_TOKEN = Redaction.token(PiiKind.PHONE, FLORIDA_NUMBER);

    @ComplianceTest(modules = ConsentModule.class)
    static class CompliantTestCase {
        @Test
        void sendsAfterConsent(Outbox outbox) {
            outbox.consent(FLORIDA_NUMBER);
            outbox.send(FLORIDA_NUMBER, "Hello");
        }

        @Test
        void sendsThreeADay(Outbox outbox, TestClock clock) {
            outbox.consent(FLORIDA_NUMBER);
            for (int i = 0; i < 6; i++) {
                outbox.send(FLORIDA_NUMBER, "Hello");
                clock.advance(Duration.ofHours(9));
            }
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class MissingConsentTestCase {
        @Test
        void sendsWithoutConsent(Outbox outbox) {
            outbox.send(FLORIDA_NUMBER, "Hello");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class TooManyMessagesTestCase {
        @Test
        void sendsFourInOneDay(Outbox outbox, TestClock clock) {
            outbox.consent(FLORIDA_NUMBER);
            for (int i = 0; i < 4; i++) {
                outbox.send(FLORIDA_NUMBER, "Hello");
                clock.advance(Duration.ofHours(6));
            }
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class FailingAndViolatingTestCase {
        @Test
        void failsAndViolates(Outbox outbox) {
            outbox.send(FLORIDA_NUMBER, "Hello");
            throw new IllegalStateException("the test's own failure");
        }
    }

    public static final class ThrowingCheckModule implements InvariantModule {
        @Override
        public String id() {
            return "test.throwing";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(Invariant.builder("test.throwing-check")
                    .description("A check whose rule data is missing")
                    .regulation(ConsentModule.EPRIVACY)
                    .owner(dev.complianceharness.invariant.Owner.of("nobody"))
                    .tier(dev.complianceharness.invariant.LiabilityTier.REGULATORY)
                    .forEachEvent(ConsentModule.MessageSent.class, (event, trace) -> {
                        throw new IllegalStateException("rule data missing for " + event.recipient());
                    }));
        }
    }

    @ComplianceTest(modules = {ConsentModule.class, ThrowingCheckModule.class})
    static class ThrowingCheckTestCase {
        @Test
        void recordsOneEvent(Outbox outbox) {
            outbox.consent("+13055550167");
            outbox.send("+13055550167", "Hello");
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class InjectionTestCase {
        private Outbox fromBeforeEach;
        private EventTrace traceFromBeforeEach;

        @BeforeEach
        void setUp(Outbox outbox, EventTrace trace) {
            this.fromBeforeEach = outbox;
            this.traceFromBeforeEach = trace;
        }

        @Test
        void getsTheSamePartsAsBeforeEach(Outbox outbox, EventTrace trace, TestClock clock) {
            assertThat(outbox).isSameAs(fromBeforeEach);
            assertThat(trace).isSameAs(traceFromBeforeEach);
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START);
            outbox.consent("a@example.com");
            assertThat(trace.events()).singleElement().isInstanceOf(ConsentModule.ConsentGiven.class);
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    @Execution(ExecutionMode.CONCURRENT)
    static class ParallelTestCase {
        private static final CountDownLatch ALL_STARTED = new CountDownLatch(2);

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
        void recordsOwnEvents(int index, Outbox outbox, EventTrace trace) throws Exception {
            ALL_STARTED.countDown();
            ALL_STARTED.await(5, TimeUnit.SECONDS);
            String recipient = "user" + index + "@example.com";
            outbox.consent(recipient);
            for (int i = 0; i < 3; i++) {
                outbox.send(recipient, "Hello");
                Thread.yield();
            }
            assertThat(trace.events()).hasSize(4).allSatisfy(event ->
                    assertThat(event.toString()).contains(recipient));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
        void recordsFromItsOwnExecutor(int index, Outbox outbox, EventTrace trace) throws Exception {
            String recipient = "worker" + index + "@example.com";
            ExecutorService executor = Executors.newFixedThreadPool(4);
            try {
                outbox.consent(recipient);
                for (int i = 0; i < 3; i++) {
                    executor.submit(() -> outbox.send(recipient, "Hello"));
                }
            } finally {
                executor.shutdown();
                assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(trace.events()).hasSize(4);
        }
    }

    @ComplianceTest(modules = ConsentModule.class, clockStart = "2025-03-09T06:59:59Z")
    static class ClockStartTestCase {
        @Test
        void startsThere(TestClock clock) {
            assertThat(clock.instant()).isEqualTo(Instant.parse("2025-03-09T06:59:59Z"));
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ComplianceTest(modules = ConsentModule.class)
    @interface ConsentCompliance {
    }

    @ConsentCompliance
    static class MetaAnnotatedTestCase {
        @Test
        void compliant(Outbox outbox) {
            outbox.consent(FLORIDA_NUMBER);
            outbox.send(FLORIDA_NUMBER, "Hello");
        }

        @Nested
        class Inner {
            @Test
            void violating(Outbox outbox) {
                outbox.send(FLORIDA_NUMBER, "Hello");
            }
        }
    }

    @ComplianceTest(moduleIds = "test.consent")
    static class ModuleIdTestCase {
        @Test
        void violating(Outbox outbox) {
            outbox.send(FLORIDA_NUMBER, "Hello");
        }
    }

    @ComplianceTest(discoverModules = true)
    static class DiscoveringTestCase {
        @Test
        void compliant(Outbox outbox) {
            outbox.consent(FLORIDA_NUMBER);
            outbox.send(FLORIDA_NUMBER, "Hello");
        }
    }

    /** Counts test bodies that ran, per fixture class, to prove configuration errors stop them. */
    static final class BodyRuns {
        private static final java.util.Map<Class<?>, java.util.concurrent.atomic.AtomicInteger> RUNS =
                new java.util.concurrent.ConcurrentHashMap<>();

        static void ran(Class<?> fixture) {
            RUNS.computeIfAbsent(fixture, f -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }

        static int count(Class<?> fixture) {
            java.util.concurrent.atomic.AtomicInteger runs = RUNS.get(fixture);
            return runs == null ? 0 : runs.get();
        }
    }

    public static final class NeedsArgumentModule implements InvariantModule {
        public NeedsArgumentModule(String name) {
        }

        @Override
        public String id() {
            return "test.needs-argument";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.CONSENT_BEFORE_MARKETING);
        }
    }

    @ComplianceTest(modules = NeedsArgumentModule.class)
    static class NoConstructorTestCase {
        public static final String EXPECTED = "Invariant module " + NeedsArgumentModule.class.getName()
                + " cannot be instantiated: it needs a public no-argument constructor.";

        @Test
        void body() {
            BodyRuns.ran(NoConstructorTestCase.class);
        }
    }

    public abstract static class AbstractModule implements InvariantModule {
    }

    @ComplianceTest(modules = AbstractModule.class)
    static class AbstractModuleTestCase {
        public static final String EXPECTED = "Invariant module " + AbstractModule.class.getName()
                + " cannot be instantiated: it is abstract. Name a concrete class in @ComplianceTest(modules = ...).";

        @Test
        void body() {
            BodyRuns.ran(AbstractModuleTestCase.class);
        }
    }

    public static final class ThrowingConstructorModule extends NoInvariantsModule {
        public ThrowingConstructorModule() {
            throw new IllegalStateException("rule file sms-rules.json not found");
        }
    }

    @ComplianceTest(modules = ThrowingConstructorModule.class)
    static class ThrowingConstructorTestCase {
        public static final String EXPECTED = "Invariant module " + ThrowingConstructorModule.class.getName()
                + " cannot be instantiated: its constructor threw java.lang.IllegalStateException: rule file sms-rules.json not found";

        @Test
        void body() {
            BodyRuns.ran(ThrowingConstructorTestCase.class);
        }
    }

    public static class NoInvariantsModule implements InvariantModule {
        @Override
        public String id() {
            return "test.empty";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of();
        }
    }

    @ComplianceTest(modules = NoInvariantsModule.class)
    static class EmptyModuleTestCase {
        public static final String EXPECTED = "Invariant module 'test.empty' (" + NoInvariantsModule.class.getName()
                + ") declares no invariants: a module must verify at least one invariant.";

        @Test
        void body() {
            BodyRuns.ran(EmptyModuleTestCase.class);
        }
    }

    public static final class TwiceTheSameModule extends NoInvariantsModule {
        @Override
        public String id() {
            return "test.twice";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.CONSENT_BEFORE_MARKETING, ConsentModule.CONSENT_BEFORE_MARKETING);
        }
    }

    @ComplianceTest(modules = TwiceTheSameModule.class)
    static class DuplicateIdsInModuleTestCase {
        public static final String EXPECTED = "Invariant id 'test.consent-before-marketing' is declared twice by module"
                + " 'test.twice'. Invariant ids must be unique across the active modules; to replace a shipped invariant,"
                + " declare an InvariantOverride with a reason.";

        @Test
        void body() {
            BodyRuns.ran(DuplicateIdsInModuleTestCase.class);
        }
    }

    public static final class CopyingModule extends NoInvariantsModule {
        @Override
        public String id() {
            return "test.copy";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.AT_MOST_THREE_PER_DAY);
        }
    }

    @ComplianceTest(modules = {ConsentModule.class, CopyingModule.class})
    static class DuplicateIdsAcrossModulesTestCase {
        public static final String EXPECTED = "Invariant id 'test.at-most-three-per-day' is declared by both module"
                + " 'test.consent' and module 'test.copy'. Invariant ids must be unique across the active modules; to replace a shipped invariant,"
                + " declare an InvariantOverride with a reason.";

        @Test
        void body() {
            BodyRuns.ran(DuplicateIdsAcrossModulesTestCase.class);
        }
    }

    @ComplianceTest(moduleIds = "sms.quiet-hourz")
    static class UnknownModuleIdTestCase {
        public static final String EXPECTED = "@ComplianceTest on " + UnknownModuleIdTestCase.class.getSimpleName()
                + ".body() names module id 'sms.quiet-hourz', but no module with that id is registered for ServiceLoader"
                + " (found: test.consent). Check the spelling, or add the module's artifact to the test class path.";

        @Test
        void body() {
            BodyRuns.ran(UnknownModuleIdTestCase.class);
        }
    }

    @ComplianceTest
    static class NoModuleTestCase {
        public static final String EXPECTED = "@ComplianceTest on " + NoModuleTestCase.class.getSimpleName()
                + ".body() activates no invariant module: name one with modules = {...} or moduleIds = {...},"
                + " or set discoverModules = true";

        @Test
        void body() {
            BodyRuns.ran(NoModuleTestCase.class);
        }
    }

    @ComplianceTest(modules = ConsentModule.class, clockStart = "2025-03-09 06:59")
    static class BadClockStartTestCase {
        public static final String EXPECTED = "@ComplianceTest(clockStart = \"2025-03-09 06:59\") on "
                + BadClockStartTestCase.class.getSimpleName()
                + ".body() is not an ISO-8601 instant: write it like \"2025-03-09T06:59:59Z\"";

        @Test
        void body() {
            BodyRuns.ran(BadClockStartTestCase.class);
        }
    }

    public static final class BadIdModule extends NoInvariantsModule {
        @Override
        public String id() {
            return "SMS Quiet Hours";
        }
    }

    @ComplianceTest(modules = BadIdModule.class)
    static class BadModuleIdTestCase {
        public static final String EXPECTED = "Invariant module " + BadIdModule.class.getName()
                + " has id 'SMS Quiet Hours': a module id is lower-case letters and digits separated by dots or dashes,"
                + " such as \"sms.quiet-hours\"";

        @Test
        void body() {
            BodyRuns.ran(BadModuleIdTestCase.class);
        }
    }

    public static final class OtherModule extends NoInvariantsModule {
        @Override
        public String id() {
            return "test.other";
        }

        @Override
        public List<Invariant> invariants() {
            return List.of(ConsentModule.AT_MOST_THREE_PER_DAY);
        }
    }

    @ComplianceTest(modules = OtherModule.class)
    static class UnprovidedParameterTestCase {
        @Test
        void needsOutbox(Outbox outbox) {
            BodyRuns.ran(UnprovidedParameterTestCase.class);
        }
    }

    @ComplianceTest(modules = ConsentModule.class)
    static class ConstructorInjectionTestCase {
        ConstructorInjectionTestCase(TestClock clock) {
        }

        @Test
        void body() {
        }
    }
}
