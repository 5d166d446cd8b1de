package dev.complianceharness.examples.customerservice;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.complianceharness.junit.ComplianceViolationError;
import dev.complianceharness.pii.Canary;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.pii.logs.CheckedLevels;
import dev.complianceharness.pii.logs.LogContext;
import dev.complianceharness.property.Property;
import dev.complianceharness.testkit.FixtureRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junitpioneer.jupiter.StdIo;
import org.junitpioneer.jupiter.StdOut;
import org.slf4j.LoggerFactory;

/**
 * Proof that {@code @NoPiiInLogs} catches each of the desk's leaks — those that depend on how the input arrives
 * (a card typed with spaces, an invalid SSN) and those that hide in capture gaps (a DEBUG line, a line logged after
 * the logging system restarted, a receipt printed while {@code @StdIo} holds {@code System.out}) — in one parallel
 * run, and passes the correct desk. Isolated: one fixture restarts the JVM's Logback, as an application starting
 * inside a test does.
 */
@Isolated("one fixture restarts Logback for the whole JVM")
@DisplayName("@NoPiiInLogs on the support desk")
class CustomerServiceLeaksAreCaughtTest {

    private static final String DESK = SupportDesk.class.getName();
    /**
     * Gives a first customer in the plainest forms (E.164 phone, unspaced 16-digit card, compact IBAN), so that the
     * original leaks show their transformation; short enough to stay readable, as digit runs of seven or more are
     * masked in messages.
     */
    private static final long SEED = 250_690L;
    /** The customer each fixture gets: the first one {@code Canaries.withSeed(SEED)} plants. */
    private static final CanaryCustomer CUSTOMER = Canaries.withSeed(SEED).customer();
    /** The seed of the property runs that feed generated customers to the desk. */
    private static final long PROPERTY_SEED = 7L;
    /** Every leaky desk and the correct one, run once, in parallel, for all the tests that look at their results. */
    private static final Supplier<EngineExecutionResults> EVERY_LEAK = memoize(() -> FixtureRuns.inParallel(
            EveryLeakTestCase.class, InputFormLeaksTestCase.class, DebugLineTestCase.class, RestartedLoggingTestCase.class,
            StdIoTestCase.class, CorrectDeskTestCase.class));
    /** The original leaks: the fixed customer each fixture gets shows them. */
    private static final String[] FIXED_CUSTOMER_LEAKS = {"PLAIN_EMAIL", "REFORMATTED_PHONE", "CARD_MASKED_WRONGLY",
        "SSN_IN_EXCEPTION_MESSAGE", "RECORD_TO_STRING", "IBAN_WITH_SPACES", "URL_ENCODED_EMAIL", "BACKGROUND_THREAD"};

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(supplier.get());
                }
                return value.get();
            }
        };
    }

    @Nested
    @DisplayName("catches")
    class Catches {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Leak.class, names = {"PLAIN_EMAIL", "REFORMATTED_PHONE", "CARD_MASKED_WRONGLY",
            "SSN_IN_EXCEPTION_MESSAGE", "RECORD_TO_STRING", "IBAN_WITH_SPACES", "URL_ENCODED_EMAIL", "BACKGROUND_THREAD"})
        @DisplayName("every leak the fixed customer shows, naming the field, the transformation, the logger and the masked line")
        void everyLeak(Leak leak) {
            String expected = switch (leak) {
                case PLAIN_EMAIL -> "customer #1.email, as planted, logged by " + DESK + " (LOGBACK INFO";
                case REFORMATTED_PHONE -> "customer #1.phone, reformatted, logged by " + DESK + " (LOGBACK INFO";
                case CARD_MASKED_WRONGLY -> "customer #1.card, partial mask revealing 10 of 16 digits (allowed: the last 4),"
                        + " logged by " + DESK;
                case SSN_IN_EXCEPTION_MESSAGE -> "customer #1.ssn, as planted, logged by " + DESK + " (LOGBACK WARN";
                case RECORD_TO_STRING -> "customer #1.phone, as planted, logged by " + DESK;
                case IBAN_WITH_SPACES -> "customer #1.iban, written with spaces, logged by " + DESK;
                case URL_ENCODED_EMAIL -> "customer #1.email, url-encoded, logged by " + DESK;
                case BACKGROUND_THREAD -> "customer #1.email, as planted, logged by " + DESK;
                default -> throw new IllegalArgumentException(leak + " needs generated customers");
            };
            String message = failureOf(EVERY_LEAK.get(), leak.name());
            assertThat(message).contains(expected).contains("canary seed " + SEED + " (replay with @NoPiiInLogs(seed = " + SEED + "L)");
            assertThat(message).doesNotContain(CUSTOMER.email(), CUSTOMER.phone(), CUSTOMER.phone().substring(2),
                    CUSTOMER.card(), CUSTOMER.ssn(), CUSTOMER.iban(), CUSTOMER.iban().substring(4, 8) + " "
                            + CUSTOMER.iban().substring(8, 12));
        }

        @Test
        @DisplayName("all of them in one parallel run, while the correct desk passes")
        void allInOneRun() {
            EngineExecutionResults results = EVERY_LEAK.get();
            results.testEvents().assertStatistics(stats -> stats.started(8 + 2 + 1 + 1 + 2 + 3).failed(8 + 2 + 1 + 1 + 2)
                    .succeeded(3));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Leak.class, names = {"CARD_MASK_FOR_UNSPACED_NUMBERS_ONLY", "INVALID_SSN_IN_EXCEPTION_MESSAGE"})
        @DisplayName("leaks that only some input forms show, fed generated customers in every form")
        void inputForms(Leak leak) {
            String message = failureOf(EVERY_LEAK.get(), leak.name());
            assertThat(message).containsPattern(switch (leak) {
                case CARD_MASK_FOR_UNSPACED_NUMBERS_ONLY -> "customer #\\d+\\.card, as planted, logged by "
                        + DESK.replace(".", "\\.") + " \\(LOGBACK INFO";
                default -> "customer #\\d+\\.ssn, as planted, logged by " + DESK.replace(".", "\\.") + " \\(LOGBACK WARN";
            }).contains("canary seed " + SEED);
            assertThat(message).doesNotContain(generatedValues().toArray(String[]::new));
        }

        @Test
        @DisplayName("a DEBUG line, with every level checked")
        void debugLine() {
            assertThat(failureOf(EVERY_LEAK.get(), "workflow(CanaryCustomer)", DebugLineTestCase.class))
                    .contains("customer #1.phone, as planted, logged by " + DESK + " (LOGBACK DEBUG");
        }

        @Test
        @DisplayName("a line logged after the logging system restarted during the test")
        void afterRestart() {
            assertThat(failureOf(EVERY_LEAK.get(), "workflow(CanaryCustomer)", RestartedLoggingTestCase.class))
                    .contains("customer #1.email, as planted, logged by " + DESK + " (LOGBACK INFO");
        }

        @Test
        @DisplayName("a receipt printed while @StdIo holds System.out, whichever extension comes first")
        void whileStdIo() {
            for (String test : List.of("noPiiFirst(StdOut, CanaryCustomer)", "stdIoFirst(StdOut, CanaryCustomer)")) {
                assertThat(failureOf(EVERY_LEAK.get(), test, StdIoTestCase.class))
                        .contains("customer #1.card, as planted, logged by System.out (STDOUT");
            }
        }

        @Test
        @DisplayName("the record's generated toString() with both fields it prints, and the masked line")
        void recordToString() {
            String message = failureOf(EVERY_LEAK.get(), Leak.RECORD_TO_STRING.name());
            assertThat(message).startsWith("2 compliance violations in RECORD_TO_STRING:")
                    .contains("customer #1.email, as planted", "customer #1.phone, as planted",
                            "\"profile loaded: CustomerProfile[customerId=cust-");
        }

        @Test
        @DisplayName("a leak from the desk's executor, attributed through the propagated context")
        void backgroundThread() {
            assertThat(failureOf(EVERY_LEAK.get(), Leak.BACKGROUND_THREAD.name()))
                    .containsPattern("customer #1\\.email, as planted, logged by " + DESK.replace(".", "\\.")
                            + " \\(LOGBACK INFO, thread pool-\\d+-thread-\\d+, context propagated\\)");
        }

        @Test
        @DisplayName("a leak from an executor nobody wrapped, since only this test planted the value")
        void unwrappedBackgroundThread() {
            assertThat(failureOf(run(UnwrappedExecutorTestCase.class), "workflow(CanaryCustomer)"))
                    .contains("customer #1.email, as planted", "not attributable to a test");
        }
    }

    @Nested
    @DisplayName("passes")
    class Passes {
        @Test
        @DisplayName("the correct desk, which logs internal ids and last-four masks only")
        void correctDesk() {
            EVERY_LEAK.get().testEvents().succeeded().assertThatEvents().haveExactly(3,
                    new org.assertj.core.api.Condition<>(event -> event.getTestDescriptor().getUniqueId().toString()
                            .contains(CorrectDeskTestCase.class.getSimpleName()), "a test of the correct desk"));
        }
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    private static String failureOf(EngineExecutionResults results, String displayName) {
        return failureOf(results, displayName, null);
    }

    private static String failureOf(EngineExecutionResults results, String displayName, Class<?> fixture) {
        List<Event> failed = results.testEvents().failed().list().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
                .filter(event -> fixture == null
                        || event.getTestDescriptor().getUniqueId().toString().contains(fixture.getSimpleName()))
                .toList();
        assertThat(failed).as("failed tests named " + displayName).hasSize(1);
        Throwable thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(thrown).isInstanceOf(ComplianceViolationError.class);
        return thrown.getMessage();
    }

    /** Every value the generated customers of the property runs planted, as the fixtures' canaries generate them. */
    private static List<String> generatedValues() {
        Canaries canaries = Canaries.withSeed(SEED);
        Property.forAll(canaries.customers()).tries(20).seed(PROPERTY_SEED).check(customer -> assertThat(customer).isNotNull());
        List<String> values = new ArrayList<>();
        for (Canary canary : canaries.planted()) {
            values.add(canary.value());
        }
        return values;
    }

    /** Runs the whole workflow against a desk with each leak the fixed customer shows, one test per leak, in parallel. */
    @NoPiiInLogs(seed = SEED)
    static class EveryLeakTestCase {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Leak.class, names = {"PLAIN_EMAIL", "REFORMATTED_PHONE", "CARD_MASKED_WRONGLY",
            "SSN_IN_EXCEPTION_MESSAGE", "RECORD_TO_STRING", "IBAN_WITH_SPACES", "URL_ENCODED_EMAIL", "BACKGROUND_THREAD"})
        void workflow(Leak leak, CanaryCustomer customer) throws Exception {
            ExecutorService background = LogContext.propagating(Executors.newSingleThreadExecutor());
            try {
                Workflow.run(SupportDesk.withLeak(leak, background), customer);
            } finally {
                background.shutdownNow();
            }
        }
    }

    /**
     * The desk's executor was started before any test and never wrapped: its thread carries no test context.
     * Its own seed: the unattributed line reaches every capture open at the time, and only this one planted it.
     */
    @NoPiiInLogs(seed = SEED + 1)
    static class UnwrappedExecutorTestCase {
        private static final ExecutorService UNWRAPPED = startedOutsideAnyTest();

        private static ExecutorService startedOutsideAnyTest() {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
            pool.prestartAllCoreThreads();
            return pool;
        }

        @Test
        void workflow(CanaryCustomer customer) throws Exception {
            Workflow.run(SupportDesk.withLeak(Leak.BACKGROUND_THREAD, UNWRAPPED), customer);
        }
    }

    /**
     * Leaks that only some input forms show: 20 generated customers in every form go through the workflow, with each
     * form labelled; a spaced or dashed card and an invalid SSN come up among them.
     */
    @NoPiiInLogs(seed = SEED)
    static class InputFormLeaksTestCase {
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Leak.class, names = {"CARD_MASK_FOR_UNSPACED_NUMBERS_ONLY", "INVALID_SSN_IN_EXCEPTION_MESSAGE"})
        void workflow(Leak leak, Canaries canaries) {
            ExecutorService background = LogContext.propagating(Executors.newSingleThreadExecutor());
            try {
                SupportDesk desk = SupportDesk.withLeak(leak, background);
                Property.forAll(canaries.customers()).tries(20).seed(PROPERTY_SEED)
                        .requireCoverage("card: spaced", 5).requireCoverage("ssn: invalid area 666", 5)
                        .check(customer -> {
                            customer.forms().forEach(Property::label);
                            Workflow.run(desk, customer);
                        });
            } finally {
                background.shutdownNow();
            }
        }
    }

    /** The desk logs the phone number at DEBUG; the test configuration prints INFO and up. */
    @NoPiiInLogs(seed = SEED, levels = CheckedLevels.ALL)
    static class DebugLineTestCase {
        @Test
        void workflow(CanaryCustomer customer) throws Exception {
            ExecutorService background = LogContext.propagating(Executors.newSingleThreadExecutor());
            try {
                Workflow.run(SupportDesk.withLeak(Leak.DEBUG_LINE, background), customer);
            } finally {
                background.shutdownNow();
            }
        }
    }

    /**
     * The application restarts its logging in the middle of the test, as Spring Boot resets Logback when a context
     * starts inside a test, then leaks. Isolated: the restart is global.
     */
    @NoPiiInLogs(seed = SEED)
    @Isolated("restarts Logback for the whole JVM")
    static class RestartedLoggingTestCase {
        @Test
        void workflow(CanaryCustomer customer) throws JoranException {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            context.reset();
            configurator.doConfigure(RestartedLoggingTestCase.class.getResource("/logback-test.xml"));
            SupportDesk.withLeak(Leak.PLAIN_EMAIL, Executors.newSingleThreadExecutor())
                    .sendPasswordReset(Workflow.customerFrom(customer));
        }
    }

    /** The desk prints a receipt while JUnit Pioneer's @StdIo holds System.out, declared before or after @NoPiiInLogs. */
    static class StdIoTestCase {
        @Test
        @NoPiiInLogs(seed = SEED)
        @StdIo
        void noPiiFirst(StdOut out, CanaryCustomer customer) {
            SupportDesk.withLeak(Leak.RECEIPT_PRINTED_TO_STDOUT, Executors.newSingleThreadExecutor())
                    .chargeFee(Workflow.customerFrom(customer), 1_500);
            assertThat(out.capturedLines()).anyMatch(line -> line.startsWith("RECEIPT 1500 cents"));
        }

        @Test
        @StdIo
        @NoPiiInLogs(seed = SEED)
        void stdIoFirst(StdOut out, CanaryCustomer customer) {
            SupportDesk.withLeak(Leak.RECEIPT_PRINTED_TO_STDOUT, Executors.newSingleThreadExecutor())
                    .chargeFee(Workflow.customerFrom(customer), 1_500);
            assertThat(out.capturedLines()).anyMatch(line -> line.startsWith("RECEIPT 1500 cents"));
        }
    }

    @NoPiiInLogs(seed = SEED, levels = CheckedLevels.ALL)
    static class CorrectDeskTestCase {
        private final ExecutorService background = LogContext.propagating(Executors.newSingleThreadExecutor());

        @Test
        void workflow(CanaryCustomer customer) throws Exception {
            try {
                Workflow.run(new SupportDesk(background), customer);
            } finally {
                background.shutdownNow();
            }
        }

        @Test
        void generatedCustomersInEveryForm(Canaries canaries) {
            try {
                SupportDesk desk = new SupportDesk(background);
                Property.forAll(canaries.customers()).tries(20).seed(PROPERTY_SEED).check(customer -> Workflow.run(desk, customer));
            } finally {
                background.shutdownNow();
            }
        }

        @Test
        void internalIdsOnly(CanaryCustomer customer) throws Exception {
            try {
                SupportDesk desk = new SupportDesk(background);
                Customer known = Workflow.customerFrom(customer);
                desk.sendPasswordReset(known);
                desk.unsubscribe(known);
                desk.escalate(known, "address change").get();
            } finally {
                background.shutdownNow();
            }
        }
    }
}
