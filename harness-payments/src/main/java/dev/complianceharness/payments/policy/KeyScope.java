package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where an idempotency key is unique: two requests with the same key in the same scope are one request (a
 * retry) or a misuse (other parameters); in different scopes they are unrelated.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum KeyScope implements PaymentPolicy {
    /** One key, one request, whatever the endpoint or payment. */
    GLOBAL("global",
            "Stripe answers idempotency_error when a key is reused on another endpoint or with other parameters;"
                    + " Adyen keeps keys unique per company account",
            "https://docs.stripe.com/api/idempotent_requests"),
    /** A key is unique per endpoint: authorize, capture (final or not), refund, cancel. */
    PER_ENDPOINT("per endpoint",
            "ePay stores the response per key, endpoint and HTTP verb: 'the same key on a different endpoint or"
                    + " method will not replay the original response'",
            "https://docs.epay.eu/guides/idempotency-keys"),
    /**
     * A key is unique per payment, as where the idempotent endpoints sit under the payment; authorizations, which
     * create the payment (and may be answered with an id the client did not know), share one scope of their own.
     */
    PER_PAYMENT("per payment",
            "services whose idempotent endpoints sit under the payment (POST /payments/{id}/captures, /refunds)"
                    + " remember keys per payment, and the authorizations that create payments apart; the IETF"
                    + " Idempotency-Key draft leaves a key's uniqueness scope to the resource owner",
            "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/");

    private final String choice;
    private final String reason;
    private final String source;

    KeyScope(String choice, String reason, String source) {
        this.choice = choice;
        this.reason = reason;
        this.source = source;
    }

    /**
     * The key as this scope sees it: equal for two requests exactly when the service treats them under one key.
     *
     * @param request a request
     * @return for example {@code "k3"} (global), {@code "capture k3"} (per endpoint) or {@code "pay-1 k3"} (per
     *         payment; {@code "authorize k3"} for an authorization); empty for a request without a key (an expiry)
     */
    public Optional<String> scopedKey(PaymentRequest request) {
        Objects.requireNonNull(request, "request");
        String key = request.idempotencyKey();
        if (key == null) {
            return Optional.empty();
        }
        return Optional.of(switch (this) {
            case GLOBAL -> key;
            case PER_ENDPOINT -> endpoint(request.operation()) + " " + key;
            case PER_PAYMENT -> (request.operation() == PaymentOperation.AUTHORIZE ? endpoint(PaymentOperation.AUTHORIZE)
                    : request.paymentId()) + " " + key;
        });
    }

    /**
     * @param operation an operation
     * @return the endpoint it is sent to: a final and a partial capture share the capture endpoint
     */
    public static String endpoint(PaymentOperation operation) {
        return operation == PaymentOperation.FINAL_CAPTURE ? PaymentOperation.CAPTURE.lifecycleCommand()
                : operation.lifecycleCommand();
    }

    @Override
    public String policy() {
        return "idempotency key scope";
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
