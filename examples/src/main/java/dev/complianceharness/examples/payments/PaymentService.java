package dev.complianceharness.examples.payments;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The sample application's payment API, as a checkout would call it: amounts in decimal major units,
 * every call with the client's idempotency key. A refusal throws {@link PaymentRefusedException}.
 */
public interface PaymentService {

    /**
     * @param paymentId      the new payment's id
     * @param amount         the amount in major units, for example {@code 10.50}
     * @param currency       an ISO 4217 code
     * @param idempotencyKey the client's idempotency key
     * @return the authorization's reference
     */
    String authorize(String paymentId, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * @param paymentId      the payment
     * @param amount         the amount to capture, in major units
     * @param currency       the currency the client believes the payment is in
     * @param finalCapture   true to release the uncaptured rest
     * @param idempotencyKey the client's idempotency key
     * @return the capture's reference
     */
    String capture(String paymentId, BigDecimal amount, String currency, boolean finalCapture, String idempotencyKey);

    /**
     * @param paymentId      the payment
     * @param amount         the amount to refund, in major units
     * @param currency       the currency the client believes the payment is in
     * @param idempotencyKey the client's idempotency key
     * @return the refund's reference
     */
    String refund(String paymentId, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * @param paymentId      the payment
     * @param idempotencyKey the client's idempotency key
     * @return the cancellation's reference
     */
    String cancel(String paymentId, String idempotencyKey);

    /** Expires authorizations older than their validity: uncaptured ones are expired, partially captured ones closed. */
    void expireAuthorizations();

    /**
     * @param paymentId the payment
     * @return what the service holds about it
     */
    Optional<PaymentRecord> find(String paymentId);
}
