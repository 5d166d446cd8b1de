package dev.complianceharness.payments.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment policies")
class PaymentPoliciesTest {

    @Test
    @DisplayName("change one choice in one call, and say so in their name")
    void oneCall() {
        PaymentPolicies policies = PaymentPolicies.checkoutCom().with(KeyScope.PER_PAYMENT);

        assertThat(policies.keyScope()).isEqualTo(KeyScope.PER_PAYMENT);
        assertThat(policies.rejectedRetry()).isEqualTo(RejectedRetry.EXECUTED_AGAIN);
        assertThat(policies.name()).isEqualTo("checkout.com, with idempotency key scope per payment");
        assertThat(PaymentPolicies.stripe().name()).isEqualTo("stripe");
    }

    @Test
    @DisplayName("show every choice with its reason and source, the provider's own where a provider set names one")
    void choices() {
        assertThat(PaymentPolicies.killBill().choices()).extracting(PolicyChoice::policy).containsExactly(
                "retry of a rejected request", "retry of a performed request", "idempotency key scope",
                "refund while partially captured", "authorization expiry", "capture and refund currency");
        assertThat(PaymentPolicies.killBill().choices()).allSatisfy(choice -> {
            assertThat(choice.reason()).isNotBlank();
            assertThat(choice.source()).startsWith("https://");
        });
        assertThat(PaymentPolicies.killBill().choices().get(4).describe()).startsWith("authorization expiry: none (");
        assertThat(PaymentPolicies.defaults().with(KeyScope.PER_ENDPOINT, "our API guide, 4.2", "").choices().get(2)
                .describe()).isEqualTo("idempotency key scope: per endpoint (our API guide, 4.2)");
    }

    @Test
    @DisplayName("name an expiry by its period and refuse a period that is not positive")
    void expiry() {
        assertThat(AuthorizationExpiry.after(Duration.ofDays(7)).choice()).isEqualTo("after 7 days");
        assertThat(AuthorizationExpiry.after(Duration.ofHours(36)).choice()).isEqualTo("after PT36H");
        assertThat(AuthorizationExpiry.none().expires()).isFalse();
        assertThatThrownBy(() -> AuthorizationExpiry.after(Duration.ZERO))
                .hasMessage("AuthorizationExpiry.after(PT0S): the validity must be positive");
    }

    @Test
    @DisplayName("take refunds out of the states a partial capture leads to where they are refused")
    void restrict() {
        assertThat(PaymentPolicies.defaults().restrict(ReferenceLifecycles.MANUAL_CAPTURE))
                .isSameAs(ReferenceLifecycles.MANUAL_CAPTURE);
        assertThat(PaymentPolicies.defaults().with(RefundWhilePartiallyCaptured.REFUSED)
                .restrict(ReferenceLifecycles.STRIPE_PAYMENT_INTENT).allows("requires_capture", "refund")).isFalse();
        assertThat(PaymentPolicies.checkoutCom().restrict(ReferenceLifecycles.CHECKOUT_COM))
                .isSameAs(ReferenceLifecycles.CHECKOUT_COM);
    }

    @Test
    @DisplayName("refuse a choice that contradicts the lifecycle, and a policy of unknown type")
    void contradictions() {
        assertThatThrownBy(() -> PaymentPolicies.defaults().restrict(ReferenceLifecycles.CHECKOUT_COM))
                .hasMessageStartingWith("The policy 'refund while partially captured: allowed' contradicts lifecycle"
                        + " 'checkout-com'");
        assertThat(PaymentPolicies.killBill().with(RefundWhilePartiallyCaptured.REFUSED)
                .restrict(ReferenceLifecycles.KILL_BILL).allows("CAPTURE_SUCCESS", "refund")).isFalse();
        PaymentPolicy unknown = new PaymentPolicy() {
            @Override
            public String policy() {
                return "3-D Secure";
            }

            @Override
            public String choice() {
                return "always";
            }

            @Override
            public String reason() {
                return "";
            }

            @Override
            public String source() {
                return "";
            }
        };
        assertThatThrownBy(() -> PaymentPolicies.defaults().with(unknown)).hasMessageContaining("Unknown payment policy");
    }
}
