package dev.complianceharness.examples.customerservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.junit.ComplianceViolationError;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.Canaries;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.pii.logs.LogContext;
import dev.complianceharness.testkit.FixtureRuns;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Proof that {@code @NoPiiInLogs} catches each of the desk's eight leaks and passes the correct desk. */
@DisplayName("@NoPiiInLogs on the support desk")
class CustomerServiceLeaksAreCaughtTest {

    private static final String DESK = SupportDesk.class.getName();
    /** Short enough to stay readable: digit runs of seven or more are masked in messages. */
    private static final long SEED = 250_602L;
    /** The customer each fixture gets: the first one {@code Canaries.withSeed(SEED)} plants. */
    private static final CanaryCustomer CUSTOMER = Canaries.withSeed(SEED).customer();
    /** The eight leaky desks, run once (in parallel) for all the tests that look at their failures. */
    private static final Supplier<EngineExecutionResults> EVERY_LEAK = memoize(() -> run(EveryLeakTestCase.class));

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
        @EnumSource(Leak.class)
        @DisplayName("every leak, naming the field, the transformation, the logger and the masked line")
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
            };
            String message = failureOf(EVERY_LEAK.get(), leak.name());
            assertThat(message).contains(expected).contains("canary seed " + SEED + " (replay with @NoPiiInLogs(seed = " + SEED + "L)");
            assertThat(message).doesNotContain(CUSTOMER.email(), CUSTOMER.phone(), CUSTOMER.phone().substring(2),
                    CUSTOMER.card(), CUSTOMER.ssn(), CUSTOMER.iban(), CUSTOMER.iban().substring(4, 8) + " "
                            + CUSTOMER.iban().substring(8, 12));
        }

        @Test
        @DisplayName("all eight, and nothing else")
        void allEight() {
            EVERY_LEAK.get().testEvents().assertStatistics(stats -> stats.started(8).failed(8));
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
            run(CorrectDeskTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        }
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    private static String failureOf(EngineExecutionResults results, String displayName) {
        List<Event> failed = results.testEvents().failed().list().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName)).toList();
        assertThat(failed).as("failed tests named " + displayName).hasSize(1);
        Throwable thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertThat(thrown).isInstanceOf(ComplianceViolationError.class);
        return thrown.getMessage();
    }

    /** Runs the whole workflow against a desk with each leak, one test per leak, in parallel. */
    @NoPiiInLogs(seed = SEED)
    static class EveryLeakTestCase {
        @ParameterizedTest(name = "{0}")
        @EnumSource(Leak.class)
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

    @NoPiiInLogs(seed = SEED)
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
