package dev.complianceharness.examples.payments;

/**
 * The bugs the proof tests plant in {@link JdbcPaymentService}, one at a time, each a bug seen in public
 * issue threads. A flawed service differs from the correct one only at the place its flaw names.
 */
public enum Flaw {
    /** Each refund is checked against the capture alone, so partial refunds can add up to more (Kill Bill #334). */
    REFUNDS_CHECKED_ONE_BY_ONE,
    /** A canceled payment can still be captured. */
    CAPTURE_AFTER_CANCEL,
    /** A captured payment can still be canceled. */
    CANCEL_AFTER_CAPTURE,
    /** A key reused with another amount replays the first result instead of being rejected. */
    KEY_REUSE_ACCEPTED,
    /** Idempotency keys are stored but never looked up, so a retry performs the operation again. */
    RETRY_PERFORMS_TWICE,
    /** Each non-final capture is checked against the authorization alone, not what is left of it. */
    MULTICAPTURE_EXCEEDS_AUTHORIZATION,
    /** The payment row is read without a lock, checked, then written: two concurrent captures both pass (medusa #13301). */
    CHECK_THEN_ACT_WITHOUT_LOCK,
    /** A refund posts its debit but not its credit. */
    UNBALANCED_REFUND_LEDGER,
    /** Every currency is converted with two decimals, so JPY is charged x100 (InvoicePlane #1677). */
    JPY_AS_TWO_DECIMAL,
    /**
     * Marketplace rules only: a capture completes the payment when its own amount equals the authorization, so a
     * last partial capture that takes the rest leaves the payment open.
     */
    FULL_CAPTURE_LEFT_OPEN,
    /**
     * Marketplace rules only: a rejected request retried under its key is executed again by a path that skips the
     * status and amount checks (it re-validates only the key).
     */
    RETRIED_REJECTION_SKIPS_CHECKS;

    /** @return true for the flaws only the marketplace's rules can have */
    public boolean needsMarketplaceRules() {
        return this == FULL_CAPTURE_LEFT_OPEN || this == RETRIED_REJECTION_SKIPS_CHECKS;
    }
}
