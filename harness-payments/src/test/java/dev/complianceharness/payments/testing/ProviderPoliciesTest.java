package dev.complianceharness.payments.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.money.MinorUnitRules;
import dev.complianceharness.payments.policy.PaymentPolicies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A correct service written after each provider's documentation passes 1,000 generated sequences and 1,000
 * concurrent cases with its reference lifecycle and policy set, and fails with the harness's defaults where the
 * provider differs from them: the policies are what keeps the model from raising false alarms.
 */
@DisplayName("A correct service of each reference lifecycle, with its matching policies,")
class ProviderPoliciesTest {

    private static final int TRIES = 1000;

    @Nested
    @DisplayName("for the default manual capture")
    class ManualCapture {

        private final PaymentHarness harness = PaymentHarness.forAdapter(
                clock -> new FakePaymentAdapter(clock, FakePaymentAdapter.Flaw.NONE)).named("manual capture").seed(11L);

        @Test
        @DisplayName("passes 1,000 sequences")
        void sequences() {
            assertThatCode(() -> harness.tries(TRIES).checkSequences()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("passes 1,000 concurrent cases")
        void concurrent() {
            assertThatCode(() -> harness.tries(TRIES).repetitions(2).checkConcurrently()).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("for Stripe")
    class Stripe {

        private final PaymentHarness harness = PaymentHarness.forAdapter(StripeLikeService::new)
                .lifecycle(ReferenceLifecycles.STRIPE_PAYMENT_INTENT).policies(PaymentPolicies.stripe())
                .minorUnits(MinorUnitRules.stripe()).named("stripe").seed(12L);

        @Test
        @DisplayName("passes 1,000 sequences")
        void sequences() {
            assertThatCode(() -> harness.tries(TRIES).checkSequences()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("passes 1,000 concurrent cases")
        void concurrent() {
            assertThatCode(() -> harness.tries(TRIES).repetitions(2).checkConcurrently()).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("for Adyen")
    class Adyen {

        private final PaymentHarness harness = PaymentHarness.forAdapter(AdyenLikeService::new)
                .lifecycle(ReferenceLifecycles.ADYEN).policies(PaymentPolicies.adyen()).named("adyen").seed(13L);

        @Test
        @DisplayName("passes 1,000 sequences")
        void sequences() {
            assertThatCode(() -> harness.tries(TRIES).checkSequences()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("passes 1,000 concurrent cases")
        void concurrent() {
            assertThatCode(() -> harness.tries(TRIES).repetitions(2).checkConcurrently()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("is flagged under the default expiry of 7 days, which Adyen's 10 days outlast")
        void defaultExpiryFails() {
            PaymentPropertyFailure failure = catchThrowableOfType(PaymentPropertyFailure.class, () -> harness
                    .policy(dev.complianceharness.payments.policy.AuthorizationExpiry.after(java.time.Duration.ofDays(7)))
                    .named("adyen under a 7-day expiry").tries(TRIES).checkSequences());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("expire(expire on pay-1)");
        }
    }

    @Nested
    @DisplayName("for Checkout.com, which chooses its own payment ids")
    class CheckoutCom {

        private final PaymentHarness harness = PaymentHarness.forAdapter(CheckoutLikeService::new)
                .lifecycle(ReferenceLifecycles.CHECKOUT_COM).policies(PaymentPolicies.checkoutCom())
                .minorUnits(MinorUnitRules.checkoutCom()).paymentIdsChosenByService().named("checkout.com").seed(14L);

        @Test
        @DisplayName("passes 1,000 sequences")
        void sequences() {
            assertThatCode(() -> harness.tries(TRIES).checkSequences()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("passes 1,000 concurrent cases")
        void concurrent() {
            assertThatCode(() -> harness.tries(TRIES).repetitions(2).checkConcurrently()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("is flagged where rejected retries are taken to be replayed")
        void replayedRejectionsFail() {
            PaymentPropertyFailure failure = catchThrowableOfType(PaymentPropertyFailure.class, () -> harness
                    .policy(dev.complianceharness.payments.policy.RejectedRetry.REPLAYED).named("checkout.com with replayed rejections")
                    .tries(TRIES).checkSequences());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("where a correct service (lifecycle 'checkout-com', policies"
                    + " 'checkout.com, with retry of a rejected request replayed as the same rejection')");
        }
    }

    @Nested
    @DisplayName("for Kill Bill")
    class KillBill {

        private final PaymentHarness harness = PaymentHarness.forAdapter(KillBillLikeService::new)
                .lifecycle(ReferenceLifecycles.KILL_BILL).policies(PaymentPolicies.killBill()).named("kill bill").seed(15L);

        @Test
        @DisplayName("passes 1,000 sequences")
        void sequences() {
            assertThatCode(() -> harness.tries(TRIES).checkSequences()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("passes 1,000 concurrent cases")
        void concurrent() {
            assertThatCode(() -> harness.tries(TRIES).repetitions(2).checkConcurrently()).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("is flagged where retries of performed transactions are taken to be replayed")
        void replayedSuccessesFail() {
            PaymentPropertyFailure failure = catchThrowableOfType(PaymentPropertyFailure.class, () -> harness
                    .policy(dev.complianceharness.payments.policy.SucceededRetry.REPLAYED).named("kill bill with replayed successes")
                    .tries(TRIES).checkSequences());

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains("payments.idempotent-retry: the retry of");
        }
    }
}
