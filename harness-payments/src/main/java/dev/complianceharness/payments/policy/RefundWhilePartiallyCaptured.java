package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Whether captured money can be refunded while the rest of the authorization is still capturable, or only
 * after the final capture. The lifecycle says which states allow a refund; {@link #REFUSED} takes refunds out
 * of the states a partial capture leads to, so that a refund there is a declared-transitions violation.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum RefundWhilePartiallyCaptured implements PaymentPolicy {
    /** Captured parts can be refunded while more is still capturable. */
    ALLOWED("allowed",
            "PPRO: 'Once a payment has been successfully captured (either fully or partially), funds can be"
                    + " refunded'; Kill Bill's CAPTURE_SUCCESS leads to REFUND while further captures stay possible",
            "https://developerhub.ppro.com/global-api/docs/refund"),
    /** Refunds only once the payment is completely captured (or its rest released). */
    REFUSED("refused until the final capture",
            "Tabby keeps a partially captured payment AUTHORIZED until the full capture or a close, and refunds"
                    + " only payments that are captured and closed",
            "https://docs.tabby.ai/pay-in-4-custom-integration/payment-statuses");

    private final String choice;
    private final String reason;
    private final String source;

    RefundWhilePartiallyCaptured(String choice, String reason, String source) {
        this.choice = choice;
        this.reason = reason;
        this.source = source;
    }

    @Override
    public String policy() {
        return "refund while partially captured";
    }

    @Override
    public String choice() {
        return choice;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public String source() {
        return source;
    }
}
