package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Whether capture and refund requests name a currency, or always move money in the payment's currency. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum RequestCurrency implements PaymentPolicy {
    /** Captures and refunds carry only an amount, in the payment's currency; no other currency is sent. */
    PAYMENT_CURRENCY("always the payment's",
            "Stripe's capture takes amount_to_capture and its refund an amount, both in the PaymentIntent's currency",
            "https://docs.stripe.com/api/payment_intents/capture"),
    /** Captures and refunds name a currency, which the service must check against the payment's. */
    GIVEN_AND_CHECKED("may be given, and must match",
            "Adyen's modification requests carry an amount with a currency, which 'must match the currency used in"
                    + " authorisation'",
            "https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/_paymentPspReference_/refunds");

    private final String choice;
    private final String reason;
    private final String source;

    RequestCurrency(String choice, String reason, String source) {
        this.choice = choice;
        this.reason = reason;
        this.source = source;
    }

    @Override
    public String policy() {
        return "capture and refund currency";
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
