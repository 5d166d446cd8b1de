package dev.complianceharness.examples.payments;

/**
 * How the marketplace team's payment service differs from the checkout team's, on the same tables and code: it
 * chooses its own payment ids ({@code mp-1}, ...), a capture that takes all that is left of the authorization
 * completes the payment even when it is not marked final, a rejected request retried under its key is executed
 * again (only successes are kept, as at Checkout.com), and captured money is refunded only once the payment is
 * completely captured (as at Tabby).
 *
 * <pre>{@code
 * PaymentService marketplace = JdbcPaymentService.marketplace(dataSource, clock);
 * }</pre>
 */
public enum MarketplaceRules {
    /** The checkout team's service: client ids, only a final capture completes, rejections replayed, refunds while partially captured. */
    CHECKOUT,
    /** The marketplace team's service. */
    MARKETPLACE;

    boolean choosesPaymentIds() {
        return this == MARKETPLACE;
    }

    boolean fullCaptureCompletes() {
        return this == MARKETPLACE;
    }

    boolean retriesRejectedRequests() {
        return this == MARKETPLACE;
    }

    boolean refundsOnlyWhenCaptured() {
        return this == MARKETPLACE;
    }
}
