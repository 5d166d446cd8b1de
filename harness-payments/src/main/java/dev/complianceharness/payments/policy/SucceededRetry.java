package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a service does when a client retries, with the same idempotency key and parameters, a request it
 * performed. Either way the retry has no second effect.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum SucceededRetry implements PaymentPolicy {
    /** The first result is returned again. */
    REPLAYED("replayed with the first result",
            "Adyen: 'If the Adyen payments platform already processed the request, the response to the first"
                    + " attempt will be returned without duplication'; Stripe returns the saved response",
            "https://docs.adyen.com/development-resources/api-idempotency"),
    /** The retry is refused as a duplicate; the client reads the payment to learn the first result. */
    REFUSED_AS_DUPLICATE("refused as a duplicate",
            "Kill Bill refuses a transactionExternalKey that already has a successful transaction"
                    + " (PAYMENT_ACTIVE_TRANSACTION_KEY_EXISTS in its PaymentProcessor)",
            "https://github.com/killbill/killbill/blob/master/payment/src/main/java/org/killbill/billing/payment/core/PaymentProcessor.java");

    private final String choice;
    private final String reason;
    private final String source;

    SucceededRetry(String choice, String reason, String source) {
        this.choice = choice;
        this.reason = reason;
        this.source = source;
    }

    @Override
    public String policy() {
        return "retry of a performed request";
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
