package dev.complianceharness.examples.payments;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentHarness;
import dev.complianceharness.payments.testing.PaymentRecorder;
import dev.complianceharness.payments.testing.RecordedPayments;
import dev.complianceharness.payments.testing.PaymentPropertyFailure;
import dev.complianceharness.testkit.FixtureRuns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Proof that the generated payment tests catch every planted flaw of the PostgreSQL example with a
 * minimal shrunk sequence, and pass the correct service. Sequential fixtures pin their seed, so the
 * shrunk sequence is pinned exactly; the race is timing-dependent, so its fixture pins the shape of the
 * minimal case.
 */
@DisplayName("The generated payment tests, on the PostgreSQL example,")
class PaymentBugsAreCaughtTest {

    private static final String HOLDS = "   <-- invariant 'the payment invariants hold' failed";
    private static final String AUTHORIZE = "  1. authorize(authorize 1 JPY minor on pay-1 (key k1)) -> SUCCEEDED"
            + "   model: [pay-1 authorized: 0 of 1 JPY minor captured, 0 refunded]\n";
    private static final String CAPTURE = "  2. capture(capture 1 JPY minor on pay-1 (key k2)) -> SUCCEEDED"
            + "   model: [pay-1 partially_captured: 1 of 1 JPY minor captured, 0 refunded]\n";
    private static final String AUTHORIZE_USD = "  1. authorize(authorize 100 USD minor on pay-1 (key k1)) -> SUCCEEDED"
            + "   model: [pay-1 authorized: 0 of 100 USD minor captured, 0 refunded]\n";
    private static final String CAPTURE_USD = "  2. capture(capture 100 USD minor on pay-1 (key k2)) -> SUCCEEDED"
            + "   model: [pay-1 partially_captured: 100 of 100 USD minor captured, 0 refunded]\n";

    @Test
    @DisplayName("pass the correct service, sequentially and concurrently")
    void passCorrectService() {
        run(CorrectTestCase.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Nested
    @DisplayName("shrink to the minimal sequence")
    class Sequential {

        @Test
        @DisplayName("partial refunds that add up to more than the capture")
        void refundsAboveCapture() {
            assertCaught(RefundsCheckedOneByOneTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 4, refund(refund 1 JPY minor on pay-1 (key k4)): 1 payment invariant violated:
                    payments.refunded-within-captured: pay-1: refunded 2 JPY minor exceeds the captured 1 JPY minor
                    """ + AUTHORIZE + CAPTURE
                    + "  3. refund(refund 1 JPY minor on pay-1 (key k3)) -> SUCCEEDED   model: [pay-1 partially_captured: 1 of 1 JPY minor captured, 1 refunded]\n"
                    + "  4. refund(refund 1 JPY minor on pay-1 (key k4)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("a capture after a cancel")
        void captureAfterCancel() {
            assertCaught(CaptureAfterCancelTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 3, capture(capture 1 JPY minor on pay-1 (key k3)): 2 payment invariants violated:
                    payments.declared-transitions: capture 1 JPY minor on pay-1 (key k3) succeeded and moved pay-1 from canceled to partially_captured, which lifecycle 'manual-capture' does not allow
                    payments.terminal-stays-terminal: pay-1 left the terminal state canceled for partially_captured
                    """ + AUTHORIZE
                    + "  2. cancel(cancel on pay-1 (key k2)) -> SUCCEEDED   model: [pay-1 canceled: 0 of 1 JPY minor captured, 0 refunded]\n"
                    + "  3. capture(capture 1 JPY minor on pay-1 (key k3)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("a cancel after a capture")
        void cancelAfterCapture() {
            assertCaught(CancelAfterCaptureTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 3, cancel(cancel on pay-1 (key k3)): 1 payment invariant violated:
                    payments.declared-transitions: cancel on pay-1 (key k3) succeeded and moved pay-1 from partially_captured to canceled, which lifecycle 'manual-capture' does not allow
                    """ + AUTHORIZE_USD + CAPTURE_USD
                    + "  3. cancel(cancel on pay-1 (key k3)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("a key reused with another amount and accepted")
        void keyReuseAccepted() {
            assertCaught(KeyReuseAcceptedTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 2, reuse key(authorize 2 JPY minor on pay-1 (key k1)): 2 payment invariants violated:
                    payments.declared-transitions: authorize 2 JPY minor on pay-1 (key k1) succeeded and moved pay-1 from authorized to authorized, which lifecycle 'manual-capture' does not allow
                    payments.key-reuse-rejected: key k1 was first used for authorize 1 JPY minor on pay-1 (key k1) and then accepted for authorize 2 JPY minor on pay-1 (key k1)
                    """ + AUTHORIZE
                    + "  2. reuse key(authorize 2 JPY minor on pay-1 (key k1)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("a retry that performs the operation again")
        void retryPerformsTwice() {
            assertCaught(RetryPerformsTwiceTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 2, retry(authorize 1 JPY minor on pay-1 (key k1)): 1 payment invariant violated:
                    payments.idempotent-retry: the retry of authorize 1 JPY minor on pay-1 (key k1) returned REJECTED (payment already exists), but the first request returned SUCCEEDED auth-1
                    """ + AUTHORIZE
                    + "  2. retry(authorize 1 JPY minor on pay-1 (key k1)) -> REJECTED" + HOLDS);
        }

        @Test
        @DisplayName("multicaptures beyond the authorization")
        void multicaptureExceedsAuthorization() {
            assertCaught(MulticaptureExceedsAuthorizationTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 3, capture(capture 1 JPY minor on pay-1 (key k3)): 1 payment invariant violated:
                    payments.captured-within-authorized: pay-1: captured 2 JPY minor exceeds the authorized 1 JPY minor
                    """ + AUTHORIZE + CAPTURE
                    + "  3. capture(capture 1 JPY minor on pay-1 (key k3)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("a refund that posts an unbalanced ledger transaction")
        void unbalancedRefundLedger() {
            assertCaught(UnbalancedRefundLedgerTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 3, refund(refund 100 USD minor on pay-1 (key k3)): 1 payment invariant violated:
                    payments.ledger-balanced: pay-1: ledger transaction ref-3 debits 100 USD minor but credits 0 USD minor (USD)
                    """ + AUTHORIZE_USD + CAPTURE_USD
                    + "  3. refund(refund 100 USD minor on pay-1 (key k3)) -> SUCCEEDED" + HOLDS);
        }

        @Test
        @DisplayName("JPY treated as a two-decimal currency")
        void jpyAsTwoDecimal() {
            assertCaught(JpyAsTwoDecimalTestCase.class, """
                    Stateful property failed: invariant 'the payment invariants hold' failed after step 1, authorize(authorize 1 JPY minor on pay-1 (key k1)): 1 payment invariant violated:
                    payments.totals-match-accepted-requests: pay-1 shows authorized 100 JPY minor, but its accepted requests add up to 1 JPY minor
                      1. authorize(authorize 1 JPY minor on pay-1 (key k1)) -> SUCCEEDED""" + HOLDS);
        }

        private void assertCaught(Class<?> fixture, String minimalSequence) {
            run(fixture).testEvents().assertThatEvents().haveExactly(1, event(test("generatedSequences"),
                    finishedWithFailure(instanceOf(PaymentPropertyFailure.class), message(text ->
                            text.contains("Minimal failing sequence (") && text.contains(minimalSequence + "\nReplay: run again with")))));
        }
    }

    @Nested
    @DisplayName("find with the concurrent mode")
    class Concurrent {

        @Test
        @DisplayName("a check-then-act capture without a row lock, shrunk to one request in each of two branches")
        void checkThenActRace() {
            run(CheckThenActWithoutLockTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                    event(test("concurrentRequests"), finishedWithFailure(instanceOf(PaymentPropertyFailure.class),
                            message(text -> text.contains("the observed results are not linearizable")
                                    && text.contains("Sequential prefix (model after each step):\n"
                                    + "  1. authorize(authorize 100 USD minor on pay-1 (key k1.1)) -> SUCCEEDED")
                                    && text.contains("  branch 1:\n    1. ") && text.contains("  branch 2:\n    1. ")
                                    && !text.contains("    2. ")
                                    && text.contains("capture(capture 100 USD minor on pay-1")
                                    && text.contains("expected REJECTED (from the model) but the system returned SUCCEEDED")))));
        }
    }

    @Nested
    @DisplayName("through @ComplianceTest and the PaymentsModule")
    class Extension {

        @Test
        @DisplayName("fail a hand-written scenario whose refund leaves the ledger unbalanced")
        void handWrittenScenario() {
            run(UnbalancedScenarioTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                    event(test("captureAndRefund"), finishedWithFailure(message(text -> text.startsWith(
                            "1 compliance violation in captureAndRefund(PaymentRecorder, TestClock):\n\n"
                                    + "payments.ledger-balanced: Every ledger transaction debits and credits the same total, per currency\n"
                                    + "  regulation: 15 U.S.C. § 7262 [US, uncertain confidence]\n"
                                    + "  owner:      payments-platform\n"
                                    + "  tier:       FINANCIAL\n"
                                    + "  why:        order-9: ledger transaction ref-3 debits 1000 EUR minor but credits 0 EUR minor (EUR)")))));
        }
    }

    @ComplianceTest(modules = PaymentsModule.class)
    static class UnbalancedScenarioTestCase {
        @Test
        void captureAndRefund(PaymentRecorder recorder, TestClock clock) {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                RecordedPayments payments = recorder.record(new PaymentServiceHarnessAdapter(
                        JdbcPaymentService.withFlaw(database.dataSource(), clock, Flaw.UNBALANCED_REFUND_LEDGER)));
                payments.apply(PaymentRequest.authorize("order-9", Money.of(3000, "EUR"), "a-9"));
                payments.apply(PaymentRequest.finalCapture("order-9", Money.of(3000, "EUR"), "c-9"));
                payments.apply(PaymentRequest.refund("order-9", Money.of(1000, "EUR"), "r-9"));
            }
        }
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    private static PaymentHarness harness(EmbeddedPaymentDatabase database, Flaw flaw) {
        return PaymentHarness.forAdapter((TestClock clock) -> {
            database.reset();
            return new PaymentServiceHarnessAdapter(flaw == null ? new JdbcPaymentService(database.dataSource(), clock)
                    : JdbcPaymentService.withFlaw(database.dataSource(), clock, flaw));
        }).currencies("USD", "JPY");
    }

    /** Generated sequences against one variant of the service, with a pinned seed. */
    abstract static class SequencesScenario {
        private final Flaw flaw;
        private final long seed;

        SequencesScenario(Flaw flaw, long seed) {
            this.flaw = flaw;
            this.seed = seed;
        }

        @Test
        void generatedSequences() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database, flaw).named(flaw.name()).tries(200).seed(seed).checkSequences();
            }
        }
    }

    static class CorrectTestCase {
        @Test
        void generatedSequences() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database, null).tries(100).checkSequences();
            }
        }

        @Test
        void concurrentRequests() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database, null).currencies("USD").tries(40).checkConcurrently();
            }
        }
    }

    static class RefundsCheckedOneByOneTestCase extends SequencesScenario {
        RefundsCheckedOneByOneTestCase() {
            super(Flaw.REFUNDS_CHECKED_ONE_BY_ONE, 7L);
        }
    }

    static class CaptureAfterCancelTestCase extends SequencesScenario {
        CaptureAfterCancelTestCase() {
            super(Flaw.CAPTURE_AFTER_CANCEL, 1L);
        }
    }

    static class CancelAfterCaptureTestCase extends SequencesScenario {
        CancelAfterCaptureTestCase() {
            super(Flaw.CANCEL_AFTER_CAPTURE, 1L);
        }
    }

    static class KeyReuseAcceptedTestCase extends SequencesScenario {
        KeyReuseAcceptedTestCase() {
            super(Flaw.KEY_REUSE_ACCEPTED, 1L);
        }
    }

    static class RetryPerformsTwiceTestCase extends SequencesScenario {
        RetryPerformsTwiceTestCase() {
            super(Flaw.RETRY_PERFORMS_TWICE, 1L);
        }
    }

    static class MulticaptureExceedsAuthorizationTestCase extends SequencesScenario {
        MulticaptureExceedsAuthorizationTestCase() {
            super(Flaw.MULTICAPTURE_EXCEEDS_AUTHORIZATION, 3L);
        }
    }

    static class UnbalancedRefundLedgerTestCase extends SequencesScenario {
        UnbalancedRefundLedgerTestCase() {
            super(Flaw.UNBALANCED_REFUND_LEDGER, 1L);
        }
    }

    static class JpyAsTwoDecimalTestCase extends SequencesScenario {
        JpyAsTwoDecimalTestCase() {
            super(Flaw.JPY_AS_TWO_DECIMAL, 1L);
        }
    }

    static class CheckThenActWithoutLockTestCase {
        @Test
        void concurrentRequests() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database, Flaw.CHECK_THEN_ACT_WITHOUT_LOCK).currencies("USD").tries(1000).checkConcurrently();
            }
        }
    }
}
