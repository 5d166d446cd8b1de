package dev.complianceharness.payments.invariants;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.payments.event.LedgerEntry;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.invariants.internal.PaymentCheck;
import dev.complianceharness.payments.invariants.internal.PaymentChecks;
import dev.complianceharness.payments.invariants.internal.RunningCheck;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.KeyScope;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RefundWhilePartiallyCaptured;
import dev.complianceharness.payments.policy.RejectedRetry;
import dev.complianceharness.payments.policy.SucceededRetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The payment invariants, under the policies a team chose,")
class PolicyAwareInvariantsTest {

    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static PaymentState state(String status, long authorized, long captured, long refunded, LedgerEntry... ledger) {
        return new PaymentState("pay-1", status, eur(authorized), eur(captured), eur(refunded), List.of(ledger));
    }

    private static OperationRecorded op(PaymentRequest request, OperationResult result, PaymentState before, PaymentState after) {
        return new OperationRecorded(NOW, request, result, before, after);
    }

    private static List<LedgerEntry> capture(String tx, long minor) {
        return List.of(new LedgerEntry(tx, LedgerEntry.Purpose.CAPTURE, "customer", LedgerEntry.Side.DEBIT, eur(minor)),
                new LedgerEntry(tx, LedgerEntry.Purpose.CAPTURE, "revenue", LedgerEntry.Side.CREDIT, eur(minor)));
    }

    private static final PaymentState AUTHORIZED = state("authorized", 1000, 0, 0);
    private static final OperationRecorded AUTHORIZE = op(PaymentRequest.authorize("pay-1", eur(1000), "k1"),
            OperationResult.succeeded("auth-1"), null, AUTHORIZED);

    @Nested
    @DisplayName("on retries")
    class Retries {

        private final PaymentRequest refund = PaymentRequest.refund("pay-1", eur(500), "k2");
        private final PaymentState captured = new PaymentState("pay-1", "captured", eur(1000), eur(1000), eur(0),
                capture("c1", 1000));
        private final PaymentState refunded = new PaymentState("pay-1", "captured", eur(1000), eur(1000), eur(500),
                captured.ledger());
        private final EventTrace rejectedThenPerformed = EventTrace.of(AUTHORIZE,
                op(refund, OperationResult.rejected("payment is authorized"), AUTHORIZED, AUTHORIZED),
                op(PaymentRequest.finalCapture("pay-1", eur(1000), "k3"), OperationResult.succeeded("c1"), AUTHORIZED, captured),
                op(refund, OperationResult.succeeded("r1"), captured, refunded));

        @Test
        @DisplayName("accept a rejected request executed again when retried, where rejections are not kept")
        void executedAgain() {
            assertThatInvariant(PaymentInvariants.idempotentRetries(PaymentPolicies.defaults().with(RejectedRetry.EXECUTED_AGAIN)))
                    .accepts(rejectedThenPerformed);
        }

        @Test
        @DisplayName("flag the same retry where rejections are replayed")
        void replayed() {
            assertThatInvariant(PaymentInvariants.idempotentRetries(PaymentPolicies.defaults()))
                    .flags(rejectedThenPerformed)
                    .withMessage("the retry of refund 500 EUR minor on pay-1 (key k2) returned SUCCEEDED r1, but the first"
                            + " request returned REJECTED (payment is authorized)");
        }

        @Test
        @DisplayName("flag a replayed success where a retry of a performed request is refused as a duplicate, and accept"
                + " the refusal")
        void refusedAsDuplicate() {
            PaymentRequest capture = PaymentRequest.finalCapture("pay-1", eur(1000), "k2");
            PaymentState captured = new PaymentState("pay-1", "captured", eur(1000), eur(1000), eur(0), capture("c1", 1000));
            OperationRecorded first = op(capture, OperationResult.succeeded("c1"), AUTHORIZED, captured);
            Invariant invariant = PaymentInvariants.idempotentRetries(PaymentPolicies.killBill());

            assertThatInvariant(invariant).flags(EventTrace.of(AUTHORIZE, first,
                            op(capture, OperationResult.succeeded("c1"), captured, captured)))
                    .withMessage("the retry of final_capture 1000 EUR minor on pay-1 (key k2) returned SUCCEEDED c1, but a"
                            + " retry of a performed request is refused as a duplicate (policy 'retry of a performed"
                            + " request: refused as a duplicate')");
            assertThatInvariant(invariant).accepts(EventTrace.of(AUTHORIZE, first, op(capture,
                    OperationResult.rejected("PAYMENT_ACTIVE_TRANSACTION_KEY_EXISTS"), captured, captured)));
        }
    }

    @Nested
    @DisplayName("on the scope of an idempotency key")
    class Scope {

        private final PaymentState captured = new PaymentState("pay-1", "partially_captured", eur(1000), eur(100), eur(0),
                capture("c1", 100));
        private final EventTrace sameKeyOnAnotherEndpoint = EventTrace.of(AUTHORIZE,
                op(PaymentRequest.capture("pay-1", eur(100), "k1"), OperationResult.succeeded("c1"), AUTHORIZED, captured));

        @Test
        @DisplayName("accept a key used again on another endpoint where keys are per endpoint")
        void perEndpoint() {
            PaymentPolicies perEndpoint = PaymentPolicies.defaults().with(KeyScope.PER_ENDPOINT);

            assertThatInvariant(PaymentInvariants.keyReuseRejected(perEndpoint)).accepts(sameKeyOnAnotherEndpoint);
            assertThatInvariant(PaymentInvariants.totalsMatchAcceptedRequests(perEndpoint)).accepts(sameKeyOnAnotherEndpoint);
        }

        @Test
        @DisplayName("flag it where keys are global, and count the capture as no accepted request")
        void global() {
            assertThatInvariant(PaymentInvariants.keyReuseRejected(PaymentPolicies.defaults()))
                    .flags(sameKeyOnAnotherEndpoint)
                    .withMessage("key k1 was first used for authorize 1000 EUR minor on pay-1 (key k1) and then accepted for"
                            + " capture 100 EUR minor on pay-1 (key k1)");
            assertThatInvariant(PaymentInvariants.totalsMatchAcceptedRequests(PaymentPolicies.defaults()))
                    .flags(sameKeyOnAnotherEndpoint)
                    .withMessage("pay-1 shows captured 100 EUR minor, but its accepted requests add up to 0 EUR minor");
        }

        @Test
        @DisplayName("tell keys apart by endpoint or payment as the scope says")
        void scopedKeys() {
            PaymentRequest capture = PaymentRequest.finalCapture("pay-2", eur(1), "k9");

            assertThat(KeyScope.GLOBAL.scopedKey(capture)).hasValue("k9");
            assertThat(KeyScope.PER_ENDPOINT.scopedKey(capture)).hasValue("capture k9");
            assertThat(KeyScope.PER_PAYMENT.scopedKey(capture)).hasValue("pay-2 k9");
            assertThat(KeyScope.PER_PAYMENT.scopedKey(PaymentRequest.authorize("pay-2", eur(1), "k9"))).hasValue("authorize k9");
            assertThat(KeyScope.PER_ENDPOINT.scopedKey(PaymentRequest.expire("pay-2"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("on transitions that depend on amounts and policies")
    class Transitions {

        @Test
        @DisplayName("flag a partial capture of all that is left that leaves the payment open, naming the condition")
        void fullCaptureCompletes() {
            PaymentState partly = new PaymentState("pay-1", "partially_captured", eur(1000), eur(600), eur(0), capture("c1", 600));
            List<LedgerEntry> both = new ArrayList<>(capture("c1", 600));
            both.addAll(capture("c2", 400));
            PaymentState stillOpen = new PaymentState("pay-1", "partially_captured", eur(1000), eur(1000), eur(0), both);

            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.FULL_CAPTURE_COMPLETES))
                    .flags(EventTrace.of(AUTHORIZE,
                            op(PaymentRequest.capture("pay-1", eur(600), "k2"), OperationResult.succeeded("c1"), AUTHORIZED, partly),
                            op(PaymentRequest.capture("pay-1", eur(400), "k3"), OperationResult.succeeded("c2"), partly, stillOpen)))
                    .withMessage("capture 400 EUR minor on pay-1 (key k3) succeeded and moved pay-1 from partially_captured"
                            + " to partially_captured, which lifecycle 'full-capture-completes' does not allow here: it allows"
                            + " that only capturing part of what is left of the authorization (400 EUR minor requested, 600 of"
                            + " 1000 EUR minor captured, 0 refunded)");
        }

        @Test
        @DisplayName("flag a refund while partially captured where the policy refuses it, and accept it where it allows it")
        void refundWhilePartiallyCaptured() {
            PaymentState partly = new PaymentState("pay-1", "partially_captured", eur(1000), eur(600), eur(0), capture("c1", 600));
            PaymentState refunded = new PaymentState("pay-1", "partially_captured", eur(1000), eur(600), eur(100), partly.ledger());
            EventTrace trace = EventTrace.of(AUTHORIZE,
                    op(PaymentRequest.capture("pay-1", eur(600), "k2"), OperationResult.succeeded("c1"), AUTHORIZED, partly),
                    op(PaymentRequest.refund("pay-1", eur(100), "k3"), OperationResult.succeeded("r1"), partly, refunded));

            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.MANUAL_CAPTURE,
                    PaymentPolicies.defaults().with(RefundWhilePartiallyCaptured.REFUSED)))
                    .flags(trace)
                    .withMessage("refund 100 EUR minor on pay-1 (key k3) succeeded and moved pay-1 from partially_captured to"
                            + " partially_captured, which lifecycle 'manual-capture (refunds refused while partially"
                            + " captured)' does not allow");
            assertThatInvariant(PaymentInvariants.declaredTransitions(ReferenceLifecycles.MANUAL_CAPTURE)).accepts(trace);
        }
    }

    @Test
    @DisplayName("find the same breaches reading the events one at a time as over the whole trace")
    void incrementalEqualsWholeTrace() {
        PaymentState overRefunded = new PaymentState("pay-1", "captured", eur(1000), eur(1000), eur(1200), capture("c1", 1000));
        PaymentState captured = new PaymentState("pay-1", "captured", eur(1000), eur(1000), eur(0), capture("c1", 1000));
        List<RecordedEvent> events = List.of(AUTHORIZE,
                op(PaymentRequest.finalCapture("pay-1", eur(1000), "k2"), OperationResult.succeeded("c1"), AUTHORIZED, captured),
                op(PaymentRequest.refund("pay-1", eur(1200), "k3"), OperationResult.succeeded("r1"), captured, overRefunded),
                op(PaymentRequest.refund("pay-1", eur(1200), "k3"), OperationResult.succeeded("r1"), overRefunded, overRefunded));
        EventTrace trace = new EventTrace();
        events.forEach(trace::record);

        for (PaymentCheck check : PaymentChecks.all(ReferenceLifecycles.MANUAL_CAPTURE, MinorUnitRules.iso4217(),
                PaymentPolicies.defaults())) {
            RunningCheck running = check.running().get();
            List<String> oneAtATime = new ArrayList<>();
            for (RecordedEvent event : events) {
                List<Finding> findings = new ArrayList<>();
                running.read(event, findings);
                findings.forEach(finding -> oneAtATime.add(finding.reason()));
            }
            assertThat(oneAtATime).as(check.invariant().id())
                    .containsExactlyElementsOf(check.invariant().verify(trace).stream().map(Violation::message).toList());
        }
        assertThat(PaymentInvariants.refundedWithinCaptured().verify(trace)).extracting(Violation::message)
                .containsExactly("pay-1: refunded 1200 EUR minor exceeds the captured 1000 EUR minor");
    }
}
