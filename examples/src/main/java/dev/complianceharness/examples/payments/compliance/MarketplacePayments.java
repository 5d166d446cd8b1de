package dev.complianceharness.examples.payments.compliance;

import dev.complianceharness.payments.lifecycle.Lifecycle;
import dev.complianceharness.payments.lifecycle.ReferenceLifecycles;
import dev.complianceharness.payments.policy.PaymentPolicies;
import dev.complianceharness.payments.policy.RefundWhilePartiallyCaptured;
import dev.complianceharness.payments.policy.RejectedRetry;

/**
 * What the marketplace team tells the harness about its service ({@code MarketplaceRules.MARKETPLACE}): the
 * lifecycle where a capture of the rest completes the payment, and the policies where it differs from the
 * harness's defaults, each with the documentation it follows.
 *
 * <pre>{@code
 * PaymentHarness.forAdapter(clock -> PaymentServiceHarnessAdapter.choosingIds(JdbcPaymentService.marketplace(dataSource, clock)))
 *         .lifecycle(MarketplacePayments.LIFECYCLE)
 *         .policies(MarketplacePayments.policies())
 *         .paymentIdsChosenByService()
 *         .checkSequences();
 * }</pre>
 */
public final class MarketplacePayments {

    /** A capture of all that is left of the authorization completes the payment. */
    public static final Lifecycle LIFECYCLE = ReferenceLifecycles.FULL_CAPTURE_COMPLETES;

    private MarketplacePayments() {
    }

    /**
     * @return the harness's defaults, with rejected requests executed again when retried and refunds refused
     *         until the payment is completely captured
     */
    public static PaymentPolicies policies() {
        return PaymentPolicies.defaults()
                .with(RejectedRetry.EXECUTED_AGAIN)
                .with(RefundWhilePartiallyCaptured.REFUSED);
    }
}
