package dev.complianceharness.payments.invariants;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.LedgerEntry.Purpose;
import dev.complianceharness.payments.event.LedgerEntry.Side;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The payment invariants")
class PaymentInvariantsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    private static LedgerEntry capturePosting(String tx, long minor) {
        return new LedgerEntry(tx, Purpose.CAPTURE, "customer-receivable", Side.DEBIT, usd(minor));
    }

    private static LedgerEntry captureCounterPosting(String tx, long minor) {
        return new LedgerEntry(tx, Purpose.CAPTURE, "merchant-revenue", Side.CREDIT, usd(minor));
    }

    private static PaymentState state(String status, long authorized, long captured, long refunded, LedgerEntry... ledger) {
        return new PaymentState("pay-1", status, usd(authorized), usd(captured), usd(refunded), List.of(ledger));
    }

    private static OperationRecorded op(PaymentRequest request, OperationResult result, PaymentState before, PaymentState after) {
        return new OperationRecorded(NOW, request, result, before, after);
    }

    private static final PaymentState AUTHORIZED = state("authorized", 1000, 0, 0);
    private static final OperationRecorded AUTHORIZE = op(PaymentRequest.authorize("pay-1", usd(1000), "k1"),
            OperationResult.succeeded("auth-1"), null, AUTHORIZED);

    @Nested
    @DisplayName("on lifecycle transitions")
    class Transitions {

        @Test
        @DisplayName("flag a capture that succeeds after a cancel")
        void captureAfterCancel() {
            PaymentState canceled = state("canceled", 1000, 0, 0);
            EventTrace trace = EventTrace.of(AUTHORIZE,
                    op(PaymentRequest.cancel("pay-1", "k2"), OperationResult.succeeded("void-1"), AUTHORIZED, canceled),
                    op(PaymentRequest.finalCapture("pay-1", usd(500), "k3"), OperationResult.succeeded("cap-1"), canceled,
                            state("canceled", 1000, 500, 0, capturePosting("t1", 500), captureCounterPosting("t1", 500))));

            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.MANUAL_CAPTURE))
                    .flags(trace)
                    .withMessage("final_capture 500 USD minor on pay-1 (key k3) succeeded and moved pay-1 from canceled"
                            + " to canceled, which lifecycle 'manual-capture' does not allow");
        }

        @Test
        @DisplayName("accept declared transitions, replays and expiries with nothing to expire")
        void acceptsDeclared() {
            PaymentState captured = state("captured", 1000, 1000, 0, capturePosting("t1", 1000), captureCounterPosting("t1", 1000));
            PaymentRequest capture = PaymentRequest.finalCapture("pay-1", usd(1000), "k2");
            EventTrace trace = EventTrace.of(AUTHORIZE,
                    op(capture, OperationResult.succeeded("cap-1"), AUTHORIZED, captured),
                    op(capture, OperationResult.succeeded("cap-1"), captured, captured),
                    op(PaymentRequest.expire("pay-1"), OperationResult.rejected("nothing to expire"), captured, captured));

            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.MANUAL_CAPTURE)).accepts(trace);
        }

        @Test
        @DisplayName("flag a status the lifecycle does not know, saying to map it in the adapter")
        void unknownStatus() {
            EventTrace trace = EventTrace.of(op(PaymentRequest.authorize("pay-1", usd(1000), "k1"),
                    OperationResult.succeeded("a"), null, state("AUTHORISED", 1000, 0, 0)));

            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.MANUAL_CAPTURE)).flags(trace)
                    .withMessageContaining("status 'AUTHORISED' is not a state of lifecycle 'manual-capture'")
                    .withMessageContaining("map the service's status onto one in the adapter");
        }

        @Test
        @DisplayName("flag a terminal payment that moves again, also when only observed")
        void terminalStaysTerminal() {
            EventTrace trace = EventTrace.of(new PaymentObserved(NOW, state("canceled", 1000, 0, 0)),
                    new PaymentObserved(NOW, state("authorized", 1000, 0, 0)));

            assertThatInvariant(PaymentInvariants.terminalStaysTerminal(ReferenceLifecycles.MANUAL_CAPTURE)).flags(trace)
                    .withMessage("pay-1 left the terminal state canceled for authorized")
                    .withEvidenceContaining("observed pay-1 canceled");
        }
    }

    @Nested
    @DisplayName("on amounts")
    class Amounts {

        @Test
        @DisplayName("flag captures beyond the authorization")
        void overCapture() {
            assertThatInvariant(PaymentInvariants.capturedWithinAuthorized())
                    .flags(EventTrace.of(new PaymentObserved(NOW, state("captured", 1000, 1200, 0))))
                    .withMessage("pay-1: captured 1200 USD minor exceeds the authorized 1000 USD minor");
        }

        @Test
        @DisplayName("flag refunds beyond the capture once, not at every later step")
        void overRefund() {
            PaymentState overRefunded = state("captured", 1000, 500, 600);
            assertThatInvariant(PaymentInvariants.refundedWithinCaptured())
                    .flags(EventTrace.of(new PaymentObserved(NOW, overRefunded), new PaymentObserved(NOW, overRefunded)))
                    .times(1)
                    .withMessage("pay-1: refunded 600 USD minor exceeds the captured 500 USD minor");
        }

        @Test
        @DisplayName("flag accepted amounts the provider's minor units do not allow, or in another currency")
        void invalidAmount() {
            PaymentState kwd = new PaymentState("pay-1", "authorized", Money.of(1000, "KWD"), Money.of(0, "KWD"),
                    Money.of(0, "KWD"), List.of());
            EventTrace trace = EventTrace.of(
                    op(PaymentRequest.capture("pay-1", Money.of(1005, "KWD"), "k2"), OperationResult.succeeded("c"), kwd, kwd),
                    op(PaymentRequest.capture("pay-1", Money.of(10, "EUR"), "k3"), OperationResult.succeeded("c"), kwd, kwd));

            assertThatInvariant(PaymentInvariants.amountsValidForCurrency(MinorUnitRules.stripe())).flags(trace).times(2);
            assertThatInvariant(PaymentInvariants.amountsValidForCurrency(MinorUnitRules.stripe())).flags(trace)
                    .withMessageContaining("accepted capture 1005 KWD minor on pay-1 (key k2): 1005 KWD minor is not a"
                            + " multiple of 10 minor units, as Stripe requires for KWD");
        }

        @Test
        @DisplayName("flag totals that do not add up to the accepted requests (JPY charged x100)")
        void totalsScaled() {
            EventTrace trace = EventTrace.of(op(PaymentRequest.authorize("pay-1", Money.of(1000, "JPY"), "k1"),
                    OperationResult.succeeded("a"), null, new PaymentState("pay-1", "authorized", Money.of(100000, "JPY"),
                            Money.of(0, "JPY"), Money.of(0, "JPY"), List.of())));

            assertThatInvariant(PaymentInvariants.totalsMatchAcceptedRequests()).flags(trace)
                    .withMessage("pay-1 shows authorized 100000 JPY minor, but its accepted requests add up to 1000 JPY minor");
        }
    }

    @Nested
    @DisplayName("on idempotency")
    class Idempotency {

        private final PaymentRequest capture = PaymentRequest.capture("pay-1", usd(300), "k2");
        private final PaymentState once = state("partially_captured", 1000, 300, 0, capturePosting("t1", 300),
                captureCounterPosting("t1", 300));

        @Test
        @DisplayName("flag a retry that returns another result")
        void retryReturnsOtherResult() {
            EventTrace trace = EventTrace.of(AUTHORIZE, op(capture, OperationResult.succeeded("cap-1"), AUTHORIZED, once),
                    op(capture, OperationResult.succeeded("cap-2"), once, once));

            assertThatInvariant(PaymentInvariants.idempotentRetries()).flags(trace)
                    .withMessage("the retry of capture 300 USD minor on pay-1 (key k2) returned SUCCEEDED cap-2, but the"
                            + " first request returned SUCCEEDED cap-1");
        }

        @Test
        @DisplayName("flag a retry that changes the payment again")
        void retryWithSecondEffect() {
            PaymentState twice = state("partially_captured", 1000, 600, 0);
            EventTrace trace = EventTrace.of(AUTHORIZE, op(capture, OperationResult.succeeded("cap-1"), AUTHORIZED, once),
                    op(capture, OperationResult.succeeded("cap-1"), once, twice));

            assertThatInvariant(PaymentInvariants.idempotentRetries()).flags(trace)
                    .withMessage("the retry of capture 300 USD minor on pay-1 (key k2) changed the payment again");
            assertThatInvariant(PaymentInvariants.totalsMatchAcceptedRequests()).flags(trace)
                    .withMessage("pay-1 shows captured 600 USD minor, but its accepted requests add up to 300 USD minor");
        }

        @Test
        @DisplayName("flag a key reused with another amount that is accepted, and accept its rejection")
        void keyReuse() {
            PaymentRequest other = PaymentRequest.capture("pay-1", usd(700), "k2");
            EventTrace accepted = EventTrace.of(AUTHORIZE, op(capture, OperationResult.succeeded("cap-1"), AUTHORIZED, once),
                    op(other, OperationResult.succeeded("cap-1"), once, once));
            EventTrace rejected = EventTrace.of(AUTHORIZE, op(capture, OperationResult.succeeded("cap-1"), AUTHORIZED, once),
                    op(other, OperationResult.rejected("idempotency_error"), once, once));

            assertThatInvariant(PaymentInvariants.keyReuseRejected()).flags(accepted)
                    .withMessage("key k2 was first used for capture 300 USD minor on pay-1 (key k2) and then accepted for"
                            + " capture 700 USD minor on pay-1 (key k2)");
            assertThatInvariant(PaymentInvariants.keyReuseRejected()).accepts(rejected);
        }

        @Test
        @DisplayName("flag one key taking effect twice under concurrency, from the observed totals")
        void concurrentSameKey() {
            EventTrace trace = EventTrace.of(AUTHORIZE,
                    op(capture, OperationResult.succeeded("cap-1"), null, null),
                    op(capture, OperationResult.succeeded("cap-1"), null, null),
                    new PaymentObserved(NOW, state("partially_captured", 1000, 600, 0)));

            assertThatInvariant(PaymentInvariants.totalsMatchAcceptedRequests()).flags(trace)
                    .withMessage("pay-1 shows captured 600 USD minor, but its accepted requests add up to 300 USD minor");
        }
    }

    @Nested
    @DisplayName("on the ledger and rejected requests")
    class LedgerAndRejections {

        @Test
        @DisplayName("flag a transaction without its counter-posting")
        void unbalanced() {
            PaymentState refunded = state("captured", 1000, 1000, 200, capturePosting("t1", 1000), captureCounterPosting("t1", 1000),
                    new LedgerEntry("t2", Purpose.REFUND, "merchant-revenue", Side.DEBIT, usd(200)));

            assertThatInvariant(PaymentInvariants.ledgerBalanced()).flags(EventTrace.of(new PaymentObserved(NOW, refunded)))
                    .withMessage("pay-1: ledger transaction t2 debits 200 USD minor but credits 0 USD minor (USD)");
            assertThatInvariant(PaymentInvariants.ledgerMatchesTotals()).accepts(EventTrace.of(new PaymentObserved(NOW, refunded)));
        }

        @Test
        @DisplayName("flag a ledger that disagrees with the payment's totals")
        void ledgerDisagrees() {
            PaymentState captured = state("captured", 1000, 1000, 0);

            assertThatInvariant(PaymentInvariants.ledgerMatchesTotals()).flags(EventTrace.of(new PaymentObserved(NOW, captured)))
                    .withMessage("pay-1: the ledger records captures of 0 USD minor and refunds of 0 USD minor, the payment"
                            + " shows captured 1000 USD minor and refunded 0 USD minor");
        }

        @Test
        @DisplayName("flag a rejected request that changed the payment")
        void rejectedChanged() {
            EventTrace trace = EventTrace.of(AUTHORIZE, op(PaymentRequest.capture("pay-1", usd(5000), "k2"),
                    OperationResult.rejected("exceeds"), AUTHORIZED, state("partially_captured", 1000, 5000, 0)));

            assertThatInvariant(PaymentInvariants.rejectedChangesNothing()).flags(trace)
                    .withMessageContaining("capture 5000 USD minor on pay-1 (key k2) was answered REJECTED (exceeds) but"
                            + " changed the payment");
        }
    }

    @Nested
    @DisplayName("as a module")
    class Module {

        @Test
        @DisplayName("is well formed and discoverable through ServiceLoader")
        void wellFormed() {
            assertThatModule(new PaymentsModule()).isWellFormed().hasInvariantIds("payments.declared-transitions",
                    "payments.terminal-stays-terminal", "payments.captured-within-authorized",
                    "payments.refunded-within-captured", "payments.idempotent-retry", "payments.key-reuse-rejected",
                    "payments.totals-match-accepted-requests", "payments.ledger-balanced", "payments.ledger-matches-totals",
                    "payments.amount-valid-for-currency", "payments.rejected-changes-nothing");
            assertThat(ServiceLoader.load(InvariantModule.class).stream().map(ServiceLoader.Provider::type))
                    .contains(PaymentsModule.class);
        }

        @Test
        @DisplayName("gives every invariant a rationale, and masks personal data in messages")
        void rationaleAndMasking() {
            assertThat(new PaymentsModule().invariants()).allSatisfy(invariant -> assertThat(invariant.rationale()).isPresent());
            PaymentState state = new PaymentState("jane.doe@example.com", "captured", usd(1000), usd(1200), usd(0), List.of());

            assertThatInvariant(PaymentInvariants.capturedWithinAuthorized())
                    .flags(EventTrace.of(new PaymentObserved(NOW, state)))
                    .withMessage(Redaction.token(PiiKind.EMAIL, "jane.doe@example.com")
                            + ": captured 1200 USD minor exceeds the authorized 1000 USD minor");
        }
    }
}
