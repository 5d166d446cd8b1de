package dev.complianceharness.payments.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.OperationResult.Outcome;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.policy.AuthorizationExpiry;
import dev.complianceharness.payments.policy.KeyScope;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RejectedRetry;
import dev.complianceharness.payments.policy.SucceededRetry;
import dev.complianceharness.property.PropertyResult;
import dev.complianceharness.property.ReportProperties;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The payment harness, for a team writing its adapter,")
@ReportProperties
class PaymentHarnessErgonomicsTest {

    @Nested
    @DisplayName("reports a failure")
    class Failure {

        @Test
        @DisplayName("with the model's expectation and the service's state side by side, and the seed, tries and shrunk"
                + " sequence on the failure")
        void sideBySide() {
            PaymentPropertyFailure failure = catchThrowableOfType(PaymentPropertyFailure.class, () -> PaymentHarness
                    .forAdapter(clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.CAPTURE_AFTER_CANCEL))
                    .currencies("EUR").named("side by side").tries(200).seed(3L).checkSequences());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("""
                    the service answered capture 100 EUR minor on pay-1 (key k3) with SUCCEEDED cap-3, where a correct service (lifecycle 'manual-capture', policies 'harness defaults') answers REJECTED (payment is canceled)
                    Model and service after step 3:
                                   model of a correct service       service
                      payment      pay-1                            pay-1
                      answer       REJECTED (payment is canceled)   SUCCEEDED cap-3   <-- differs
                      status       canceled                         partially_captured   <-- differs
                      authorized   100 EUR minor                    100 EUR minor
                      captured     0 EUR minor                      100 EUR minor   <-- differs
                      refunded     0 EUR minor                      0 EUR minor
                      1. authorize(authorize 100 EUR minor on pay-1 (key k1)) -> SUCCEEDED""");
            assertThat(failure.seed()).isEqualTo(3L);
            assertThat(failure.tries()).isBetween(1, 200);
            assertThat(failure.shrunkSequence()).containsExactly(
                    PaymentRequest.authorize("pay-1", Money.of(100, "EUR"), "k1"),
                    PaymentRequest.cancel("pay-1", "k2"),
                    PaymentRequest.capture("pay-1", Money.of(100, "EUR"), "k3"));
        }
    }

    @Nested
    @DisplayName("maps the ids of a service that chooses its own")
    class ServiceIds {

        @Test
        @DisplayName("sending the service's id and recording the state under the test's id")
        void mapsIds() {
            EventTrace trace = new EventTrace();
            TestClock clock = TestClock.atDefaultStart();
            RecordedPayments payments = new RecordedPayments(new CheckoutLikeService(clock), trace, clock);

            OperationResult authorized = payments.apply(PaymentRequest.authorize("order-1", Money.of(5000, "EUR"), "a1"));
            payments.apply(PaymentRequest.capture("order-1", Money.of(2000, "EUR"), "c1"));

            assertThat(authorized.assignedPaymentId()).hasValue("pay_1");
            assertThat(payments.serviceId("order-1")).hasValue("pay_1");
            assertThat(trace.events(OperationRecorded.class).get(1).after())
                    .extracting(PaymentState::paymentId, PaymentState::status).containsExactly("order-1", "PartiallyCaptured");
        }

        @Test
        @DisplayName("and says what to return when an adapter reports an authorization the service then does not know")
        void forgottenId() {
            CheckoutLikeService service = new CheckoutLikeService(TestClock.atDefaultStart());
            PaymentServiceAdapter forgetful = new PaymentServiceAdapter() {
                @Override
                public OperationResult authorize(String paymentId, Money amount, String key) {
                    return OperationResult.succeeded(service.authorize(paymentId, amount, key).reference());
                }

                @Override
                public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
                    return service.capture(paymentId, amount, finalCapture, key);
                }

                @Override
                public OperationResult refund(String paymentId, Money amount, String key) {
                    return service.refund(paymentId, amount, key);
                }

                @Override
                public OperationResult cancel(String paymentId, String key) {
                    return service.cancel(paymentId, key);
                }

                @Override
                public Optional<PaymentState> state(String paymentId) {
                    return service.state(paymentId);
                }
            };
            RecordedPayments payments = new RecordedPayments(forgetful, new EventTrace(), TestClock.atDefaultStart());

            assertThatThrownBy(() -> payments.apply(PaymentRequest.authorize("order-1", Money.of(5000, "EUR"), "a1")))
                    .isInstanceOf(RecordedPayments.AdapterFailure.class)
                    .hasMessageEndingWith("answered authorize 5000 EUR minor on order-1 (key a1) with SUCCEEDED pay_1, but"
                            + " then found no payment order-1: if the service chooses its own payment ids, return"
                            + " OperationResult.authorized(id) from authorize(...)");
        }

        @Test
        @DisplayName("and asks to be told so in the concurrent mode, where branches must not authorize one payment twice")
        void concurrentNeedsToBeTold() {
            PaymentPropertyFailure failure = catchThrowableOfType(PaymentPropertyFailure.class, () -> PaymentHarness
                    .forAdapter(CheckoutLikeService::new).lifecycle(ReferenceLifecycles.CHECKOUT_COM)
                    .policies(PaymentPolicies.checkoutCom()).currencies("EUR").named("untold ids").tries(20).seed(1L)
                    .repetitions(1).checkConcurrently());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("tell the harness with .paymentIdsChosenByService(), so that"
                    + " concurrent branches never authorize one payment twice");
        }
    }

    @Nested
    @DisplayName("fits the service it is given")
    class Fit {

        @Test
        @DisplayName("sends no other currency to a single-currency service and no expiry where authorizations never expire")
        void singleCurrencyNoExpiry() {
            PropertyResult result = PaymentHarness.forAdapter(KillBillLikeService::new)
                    .lifecycle(ReferenceLifecycles.KILL_BILL).policies(PaymentPolicies.killBill()).currencies("EUR")
                    .named("single currency, no expiry").tries(300).seed(4L).checkSequences();

            assertThat(result.labels()).doesNotContainKey(PaymentHarness.EXPIRY).doesNotContainKey(PaymentHarness.FINAL_CAPTURE);
        }

        @Test
        @DisplayName("generates sequences most of which hold a refund, a final capture, a retry, a reused key and a cancel"
                + " after a capture")
        void mostSequencesHoldEveryKind() {
            PropertyResult result = PaymentHarness.forAdapter(clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.NONE))
                    .named("coverage of kinds").tries(1000).seed(8L).checkSequences();

            for (String kind : new String[] {PaymentHarness.REFUND, PaymentHarness.FINAL_CAPTURE, PaymentHarness.RETRY,
                    PaymentHarness.KEY_REUSE, PaymentHarness.CANCEL_AFTER_CAPTURE}) {
                assertThat(result.labels().getOrDefault(kind, 0L)).as(kind).isGreaterThan(500L);
            }
        }

        @Test
        @DisplayName("hands the lifecycle, minor units, currencies and each policy with its source to the report")
        void notes() {
            PaymentHarness.forAdapter(StripeLikeService::new).lifecycle(ReferenceLifecycles.STRIPE_PAYMENT_INTENT)
                    .policies(PaymentPolicies.stripe()).minorUnits(MinorUnitRules.stripe()).currencies("USD")
                    .named("noted stripe").tries(5).seed(1L).checkSequences();

            Map<String, String> notes = RecordedRuns.named("payment sequences in noted stripe").orElseThrow().notes();
            assertThat(notes).containsEntry("lifecycle", "stripe-payment-intent").containsEntry("minor units", "Stripe")
                    .containsEntry("currencies", "USD").containsEntry("payment ids", "chosen by the client");
            assertThat(notes.get("idempotency key scope")).startsWith("global (Stripe answers idempotency_error")
                    .endsWith("; source: https://docs.stripe.com/api/idempotent_requests)");
            assertThat(notes).containsKeys("retry of a rejected request", "retry of a performed request",
                    "refund while partially captured", "authorization expiry", "capture and refund currency");
        }
    }

    @Nested
    @DisplayName("models a correct service under each policy")
    class Model {

        private final Money ten = Money.of(1000, "EUR");

        @Test
        @DisplayName("executes a rejected request again, replays a success, or refuses it as a duplicate")
        void retries() {
            PaymentModel again = PaymentModel.empty(ReferenceLifecycles.MANUAL_CAPTURE,
                    PaymentPolicies.defaults().with(RejectedRetry.EXECUTED_AGAIN).with(SucceededRetry.REFUSED_AS_DUPLICATE),
                    MinorUnitRules.iso4217());
            PaymentRequest refund = PaymentRequest.refund("pay-1", Money.of(100, "EUR"), "k2");
            PaymentModel authorized = again.apply(PaymentRequest.authorize("pay-1", ten, "k1")).next();
            PaymentModel.Step rejected = authorized.apply(refund);
            PaymentModel captured = rejected.next().apply(PaymentRequest.finalCapture("pay-1", ten, "k3")).next();

            assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(captured.apply(refund).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(captured.apply(refund).next().apply(refund).reason())
                    .isEqualTo("a request with this idempotency key was performed already");
        }

        @Test
        @DisplayName("scopes keys per payment, and lets a capture of the rest complete the payment where the lifecycle says so")
        void scopeAndCompletion() {
            PaymentModel model = PaymentModel.empty(ReferenceLifecycles.FULL_CAPTURE_COMPLETES,
                    PaymentPolicies.defaults().with(KeyScope.PER_PAYMENT), MinorUnitRules.iso4217());
            PaymentModel two = model.apply(PaymentRequest.authorize("pay-1", ten, "k1")).next()
                    .apply(PaymentRequest.authorize("pay-2", ten, "k2")).next();
            PaymentModel captured = two.apply(PaymentRequest.capture("pay-1", ten, "k3")).next();

            assertThat(two.payments()).hasSize(2);
            // the same key on another payment is a new request; authorizations share one scope of their own
            assertThat(captured.apply(PaymentRequest.capture("pay-2", ten, "k3")).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(two.apply(PaymentRequest.authorize("pay-3", ten, "k1")).reason())
                    .isEqualTo("idempotency key reused with other parameters");
            assertThat(captured.payment("pay-1")).map(PaymentModel.Payment::status).hasValue("captured");
        }

        @Test
        @DisplayName("lets nothing expire where authorizations never do")
        void noExpiry() {
            PaymentModel model = PaymentModel.empty(ReferenceLifecycles.MANUAL_CAPTURE,
                    PaymentPolicies.defaults().with(AuthorizationExpiry.none()), MinorUnitRules.iso4217());

            assertThat(model.apply(PaymentRequest.authorize("pay-1", ten, "k1")).next()
                    .apply(PaymentRequest.expire("pay-1")).reason())
                    .isEqualTo("authorizations do not expire (policy 'authorization expiry: none')");
        }
    }

    @Test
    @DisplayName("shows a module's policies in the report, the provider's set where a team chose one")
    void modulePolicies() {
        InvariantModule checkout = new CheckoutPayments();

        assertThat(checkout.policies()).extracting(PolicyChoice::policy, PolicyChoice::choice).contains(
                org.assertj.core.api.Assertions.tuple("retry of a rejected request", "executed again"),
                org.assertj.core.api.Assertions.tuple("refund while partially captured", "refused until the final capture"));
        assertThat(checkout.dataVersions()).containsEntry("payment policies", "checkout.com")
                .containsEntry("lifecycle", "checkout-com");
        assertThat(new PaymentsModule().policies()).hasSize(6);
        assertThat(Optional.of(new PaymentsModule().dataVersions().get("payment policies"))).hasValue("harness defaults");
    }

    /** How a team on Checkout.com declares its module. */
    static final class CheckoutPayments extends PaymentsModule {
        CheckoutPayments() {
            super(ReferenceLifecycles.CHECKOUT_COM, MinorUnitRules.checkoutCom(), PaymentPolicies.checkoutCom());
        }
    }
}
