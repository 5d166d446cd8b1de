package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a service does when a client retries, with the same idempotency key and parameters, a request it
 * rejected.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum RejectedRetry implements PaymentPolicy {
    /** The stored rejection is returned again; nothing is performed. */
    REPLAYED("replayed as the same rejection",
            "Stripe saves the status code and body of the first request for a key and returns them to retries,"
                    + " errors included",
            "https://docs.stripe.com/api/idempotent_requests"),
    /** The request is performed afresh, as if the key were new; once it succeeds, its result is stored. */
    EXECUTED_AGAIN("executed again",
            "Checkout.com caches a key only for a 2xx response: 'If the original request returns a 4xx or 5xx"
                    + " response code, no idempotent result is saved and the payment is reattempted'; Kill Bill"
                    + " likewise retries a failed transaction under the same transactionExternalKey",
            "https://www.checkout.com/docs/payments/manage-payments/idempotency");

    private final String choice;
    private final String reason;
    private final String source;

    RejectedRetry(String choice, String reason, String source) {
        this.choice = choice;
        this.reason = reason;
        this.source = source;
    }

    @Override
    public String policy() {
        return "retry of a rejected request";
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
