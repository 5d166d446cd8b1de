package dev.complianceharness.payments.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The payment harness")
class PaymentHarnessTest {

    private static final Money TEN_DOLLARS = Money.of(1000, "USD");

    @Nested
    @DisplayName("generating sequences")
    class Sequences {

        @Test
        @DisplayName("passes a correct service, sequentially and concurrently")
        void passesCorrectService() {
            PaymentHarness harness = PaymentHarness.forAdapter(clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.NONE))
                    .currencies("USD", "JPY").tries(60).seed(7L);

            harness.checkSequences();
            harness.tries(20).repetitions(2).checkConcurrently();
        }

        @Test
        @DisplayName("shrinks a capture after a cancel to the three requests that show it, with the seed")
        void shrinksCaptureAfterCancel() {
            PaymentHarness harness = PaymentHarness.forAdapter(
                    clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.CAPTURE_AFTER_CANCEL)).tries(500).seed(3L);

            assertThatThrownBy(harness::checkSequences)
                    .isInstanceOf(PaymentPropertyFailure.class)
                    .hasMessageContaining("Minimal failing sequence")
                    .hasMessageContaining("payments.declared-transitions: capture 100 USD minor on pay-1 (key k3) succeeded"
                            + " and moved pay-1 from canceled to partially_captured, which lifecycle 'manual-capture' does"
                            + " not allow")
                    .hasMessageContaining("  1. authorize(authorize 100 USD minor on pay-1 (key k1)) -> SUCCEEDED")
                    .hasMessageContaining("  2. cancel(cancel on pay-1 (key k2)) -> SUCCEEDED")
                    .hasMessageContaining("  3. capture(capture 100 USD minor on pay-1 (key k3)) -> SUCCEEDED   <-- invariant")
                    .hasMessageContaining("Replay: run again with -Dcomplianceharness.seed=3 (or .seed(3L) on the harness)")
                    .satisfies(failure -> assertThat(((PaymentPropertyFailure) failure).seed()).isEqualTo(3L));
        }

        @Test
        @DisplayName("finds a retry that performs the operation again")
        void findsDoubleRetry() {
            PaymentHarness harness = PaymentHarness.forAdapter(
                    clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.RETRY_PERFORMS_TWICE)).tries(500).seed(5L);

            assertThatThrownBy(harness::checkSequences).hasMessageContaining("payments.idempotent-retry: the retry of");
        }
    }

    @Nested
    @DisplayName("refusing bad configuration")
    class Configuration {

        private final PaymentHarness harness = PaymentHarness.forAdapter(clock -> new FakePaymentAdapter(clock,
                FakePaymentAdapter.Flaw.NONE));

        @Test
        @DisplayName("names currencies that cannot be charged")
        void currencies() {
            assertThatThrownBy(() -> harness.currencies("XAU"))
                    .hasMessage("XAU has no minor unit in ISO 4217, so no payment can be authorized in it; choose another currency");
            assertThatThrownBy(() -> harness.currencies("EURO")).hasMessageStartingWith("Unknown currency 'EURO'");
            assertThatThrownBy(harness::currencies).hasMessageContaining("needs at least one ISO 4217 code");
        }

        @Test
        @DisplayName("names the commands a lifecycle lacks")
        void lifecycle() {
            Lifecycle noCapture = Lifecycle.builder("gift-card").initial("new").terminal("redeemed")
                    .allow("redeem").from("new").to("redeemed").build();

            assertThatThrownBy(() -> harness.lifecycle(noCapture))
                    .hasMessage("Lifecycle 'gift-card' lacks the command 'authorize' and a capture command ('capture' or"
                            + " 'final_capture'), which the generated requests need; declare it, or use a lifecycle of"
                            + " ReferenceLifecycles");
        }

        @Test
        @DisplayName("names a policy that contradicts the lifecycle, before any request is sent")
        void contradictingPolicies() {
            assertThatThrownBy(() -> harness.lifecycle(ReferenceLifecycles.KILL_BILL).tries(1).checkSequences())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The policy 'authorization expiry: after 7 days' contradicts lifecycle 'kill-bill', which has"
                            + " no 'expire' command: choose .policy(AuthorizationExpiry.none()), or declare where expiry"
                            + " leads in the lifecycle");
            assertThatThrownBy(() -> harness.lifecycle(ReferenceLifecycles.CHECKOUT_COM).tries(1).checkSequences())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The policy 'refund while partially captured: allowed' contradicts lifecycle 'checkout-com',"
                            + " which declares no refund from [PartiallyCaptured], the states a partial capture leads to:"
                            + " choose RefundWhilePartiallyCaptured.REFUSED, or declare the refund in the lifecycle");
        }

        @Test
        @DisplayName("refuses impossible counts and a factory that returns nothing")
        void counts() {
            assertThatThrownBy(() -> harness.tries(0)).hasMessage("tries(0) must be at least 1");
            assertThatThrownBy(() -> harness.maxSteps(0)).hasMessage("maxSteps(0) must be 1 to 200");
            assertThatThrownBy(() -> harness.payments(6)).hasMessage("payments(6) must be 1 to 5");
            assertThatThrownBy(() -> harness.named(" ")).hasMessage("named(...) needs a name that is not blank");
            assertThatThrownBy(() -> PaymentHarness.forAdapter(clock -> null).tries(1).checkSequences())
                    .hasStackTraceContaining("The adapter factory returned null");
        }
    }

    @Nested
    @DisplayName("recording requests")
    class Recording {

        @Test
        @DisplayName("records each request with the states before and after")
        void recordsStates() {
            EventTrace trace = new EventTrace();
            TestClock clock = TestClock.atDefaultStart();
            RecordedPayments payments = new RecordedPayments(new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.NONE), trace, clock);

            payments.apply(PaymentRequest.authorize("pay-1", TEN_DOLLARS, "k1"));
            OperationResult capture = payments.apply(PaymentRequest.finalCapture("pay-1", TEN_DOLLARS, "k2"));

            assertThat(capture.succeeded()).isTrue();
            OperationRecorded recorded = trace.events(OperationRecorded.class).get(1);
            assertThat(recorded.before().status()).isEqualTo("authorized");
            assertThat(recorded.after().status()).isEqualTo("captured");
            assertThat(recorded.describeMasked()).startsWith("final_capture 1000 USD minor on pay-1 (key k2) → SUCCEEDED cap-");
        }

        @Test
        @DisplayName("expires through the test clock, past the authorization's validity")
        void expires() {
            EventTrace trace = new EventTrace();
            TestClock clock = TestClock.atDefaultStart();
            RecordedPayments payments = new RecordedPayments(new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.NONE), trace, clock);
            payments.apply(PaymentRequest.authorize("pay-1", TEN_DOLLARS, "k1"));

            OperationResult expiry = payments.apply(PaymentRequest.expire("pay-1"));

            assertThat(expiry.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT_START.plus(Duration.ofDays(7)).plusSeconds(1));
            assertThat(payments.observe("pay-1")).map(PaymentState::status).hasValue("expired");
            assertThat(payments.apply(PaymentRequest.expire("pay-1")).reason()).isEqualTo("nothing to expire");
        }

        @Test
        @DisplayName("turns an adapter's exception into a failure naming the request, masked")
        void adapterThrows() {
            PaymentServiceAdapter broken = new FakePaymentAdapter(TestClock.atDefaultStart(), FakePaymentAdapter.Flaw.NONE) {
                @Override
                public OperationResult refund(String paymentId, Money amount, String key) {
                    throw new IllegalStateException("connection refused");
                }
            };
            RecordedPayments payments = new RecordedPayments(broken, new EventTrace(), TestClock.atDefaultStart());

            assertThatThrownBy(() -> payments.apply(PaymentRequest.refund("jane@example.com", TEN_DOLLARS, "k1")))
                    .isInstanceOf(RecordedPayments.AdapterFailure.class)
                    .hasMessageContaining("threw on refund 1000 USD minor on " + Redaction.token(PiiKind.EMAIL, "jane@example.com") + " (key k1)")
                    .hasMessageContaining("map the service's refusals to OperationResult.rejected(...)");
        }
    }

    @Nested
    @DisplayName("modelling a correct service")
    class Model {

        private final PaymentModel empty = PaymentModel.empty(MinorUnitRules.iso4217());

        @Test
        @DisplayName("replays a key with the same request and rejects it with another")
        void idempotency() {
            PaymentModel authorized = empty.apply(PaymentRequest.authorize("pay-1", TEN_DOLLARS, "k1")).next();

            PaymentModel.Step retry = authorized.apply(PaymentRequest.authorize("pay-1", TEN_DOLLARS, "k1"));
            PaymentModel.Step reuse = authorized.apply(PaymentRequest.capture("pay-1", TEN_DOLLARS, "k1"));

            assertThat(retry.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(retry.next().payments()).isEqualTo(authorized.payments());
            assertThat(reuse.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(reuse.reason()).isEqualTo("idempotency key reused with other parameters");
        }

        @Test
        @DisplayName("keeps captures within the authorization and refunds within the captures")
        void limits() {
            PaymentModel captured = empty.apply(PaymentRequest.authorize("pay-1", TEN_DOLLARS, "k1")).next()
                    .apply(PaymentRequest.capture("pay-1", Money.of(600, "USD"), "k2")).next();

            assertThat(captured.apply(PaymentRequest.capture("pay-1", Money.of(600, "USD"), "k3")).reason())
                    .isEqualTo("amount exceeds the capturable rest 400 USD minor");
            assertThat(captured.apply(PaymentRequest.refund("pay-1", Money.of(700, "USD"), "k3")).reason())
                    .isEqualTo("amount exceeds the refundable rest 600 USD minor");
            assertThat(captured.apply(PaymentRequest.cancel("pay-1", "k3")).reason()).isEqualTo("payment is partially_captured");
            assertThat(captured.apply(PaymentRequest.expire("pay-1")).next().payment("pay-1")).map(PaymentModel.Payment::status)
                    .isEqualTo(Optional.of("captured"));
        }
    }
}
