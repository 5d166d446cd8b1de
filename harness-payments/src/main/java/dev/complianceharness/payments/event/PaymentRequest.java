package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.money.Money;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One request to a payment service, as a client sends it: which payment, which operation, how much,
 * and the idempotency key that lets the client retry it safely.
 *
 * <pre>{@code
 * PaymentRequest capture = PaymentRequest.capture("pay-1", Money.of(500, "USD"), "key-2");
 * }</pre>
 *
 * @param paymentId      the payment
 * @param operation      what to do
 * @param amount         the amount for operations that {@linkplain PaymentOperation#carriesAmount() carry one}, else null
 * @param idempotencyKey the client's idempotency key; null for {@link PaymentOperation#EXPIRE}, which no client sends
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PaymentRequest(String paymentId, PaymentOperation operation, Money amount, String idempotencyKey) {

    /** Checks that the amount is there exactly when the operation carries one. */
    public PaymentRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(operation, "operation");
        if (operation.carriesAmount() != (amount != null)) {
            throw new IllegalArgumentException("A " + operation + " request " + (operation.carriesAmount()
                    ? "needs an amount" : "carries no amount") + " (payment " + paymentId + ")");
        }
        if (operation != PaymentOperation.EXPIRE) {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /**
     * @param paymentId the new payment's id
     * @param amount    the amount to authorize
     * @param key       the idempotency key
     * @return the request
     */
    public static PaymentRequest authorize(String paymentId, Money amount, String key) {
        return new PaymentRequest(paymentId, PaymentOperation.AUTHORIZE, amount, key);
    }

    /**
     * @param paymentId the payment
     * @param amount    the amount to capture, keeping the rest capturable
     * @param key       the idempotency key
     * @return the request
     */
    public static PaymentRequest capture(String paymentId, Money amount, String key) {
        return new PaymentRequest(paymentId, PaymentOperation.CAPTURE, amount, key);
    }

    /**
     * @param paymentId the payment
     * @param amount    the amount to capture; the rest is released
     * @param key       the idempotency key
     * @return the request
     */
    public static PaymentRequest finalCapture(String paymentId, Money amount, String key) {
        return new PaymentRequest(paymentId, PaymentOperation.FINAL_CAPTURE, amount, key);
    }

    /**
     * @param paymentId the payment
     * @param amount    the amount to refund
     * @param key       the idempotency key
     * @return the request
     */
    public static PaymentRequest refund(String paymentId, Money amount, String key) {
        return new PaymentRequest(paymentId, PaymentOperation.REFUND, amount, key);
    }

    /**
     * @param paymentId the payment
     * @param key       the idempotency key
     * @return the request
     */
    public static PaymentRequest cancel(String paymentId, String key) {
        return new PaymentRequest(paymentId, PaymentOperation.CANCEL, null, key);
    }

    /**
     * @param paymentId the payment whose authorization's validity passes
     * @return the request
     */
    public static PaymentRequest expire(String paymentId) {
        return new PaymentRequest(paymentId, PaymentOperation.EXPIRE, null, null);
    }

    /** @return the amount, if the operation carries one */
    public Optional<Money> optionalAmount() {
        return Optional.ofNullable(amount);
    }

    /** @return the idempotency key, unless this is an expiry */
    public Optional<String> optionalKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * @return for example {@code "capture 500 USD minor on pay-1 (key k2)"}
     */
    public String describe() {
        return operation.lifecycleCommand() + (amount == null ? "" : " " + amount) + " on " + paymentId
                + (idempotencyKey == null ? "" : " (key " + idempotencyKey + ")");
    }

    @Override
    public String toString() {
        return describe();
    }

    // Written out rather than generated: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // on first use, about 20 ms of method-handle spinning in a fresh test JVM (issue 19). Same meaning: every component.
    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentRequest that && paymentId.equals(that.paymentId) && operation == that.operation
                && Objects.equals(amount, that.amount) && Objects.equals(idempotencyKey, that.idempotencyKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paymentId, operation, amount, idempotencyKey);
    }
}
