package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.money.Money;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a team implements to put its real payment service under the harness: each method maps one
 * harness command onto the service (an in-memory object, a JDBC-backed service, an HTTP client), and
 * {@link #state(String)} reads back what the service holds. Keep an adapter thin: it translates, it does
 * not decide, or the harness tests the adapter instead of the service.
 *
 * <pre>{@code
 * final class CheckoutAdapter implements PaymentServiceAdapter {
 *     private final CheckoutService service;
 *     public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String key) {
 *         try {
 *             return OperationResult.succeeded(service.capture(paymentId, amount.minorUnits(), finalCapture, key));
 *         } catch (PaymentDeclined e) {
 *             return OperationResult.rejected(e.getMessage());
 *         }
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>A service that chooses its own payment ids ignores the id the harness passes to {@link #authorize} and
 * answers with {@link OperationResult#authorized(String)}; every later call then receives the service's id.
 * A service with one currency is tested with that currency only ({@code PaymentHarness.currencies("EUR")}), and
 * one whose authorizations never expire needs no {@link #expireAuthorizations()}
 * ({@code AuthorizationExpiry.none()}): no expiry is generated then.
 *
 * <p>Implementations must be safe to call from several threads at once when used in the concurrent mode,
 * as the team's service is in production. An exception from a method is not a rejection: it fails the
 * test, naming the request.
 */
@API(status = STABLE, since = "0.1.0")
public interface PaymentServiceAdapter {

    /**
     * Authorizes a new payment.
     *
     * @param paymentId      the id the harness chose for it; a service that chooses its own ignores it
     * @param amount         the amount, in the minor units of the harness's {@link dev.complianceharness.payments.money.MinorUnitRules}
     * @param idempotencyKey the client's idempotency key
     * @return the service's answer; {@link OperationResult#authorized(String)} with the service's id when it
     *         chooses its own
     */
    OperationResult authorize(String paymentId, Money amount, String idempotencyKey);

    /**
     * Captures part or all of an authorization.
     *
     * @param paymentId      the payment
     * @param amount         the amount to capture
     * @param finalCapture   false to keep the uncaptured rest capturable (multicapture), true to release it
     * @param idempotencyKey the client's idempotency key
     * @return the service's answer
     */
    OperationResult capture(String paymentId, Money amount, boolean finalCapture, String idempotencyKey);

    /**
     * Refunds captured money.
     *
     * @param paymentId      the payment
     * @param amount         the amount to refund
     * @param idempotencyKey the client's idempotency key
     * @return the service's answer
     */
    OperationResult refund(String paymentId, Money amount, String idempotencyKey);

    /**
     * Cancels an authorization.
     *
     * @param paymentId      the payment
     * @param idempotencyKey the client's idempotency key
     * @return the service's answer
     */
    OperationResult cancel(String paymentId, String idempotencyKey);

    /**
     * Runs whatever expires authorizations older than their validity on the service's clock; the harness has
     * just moved the test clock past the validity its {@code AuthorizationExpiry} policy names. Does nothing by
     * default, for services that check expiry whenever they read a payment, and for services whose
     * authorizations do not expire.
     */
    default void expireAuthorizations() {
    }

    /**
     * Reads what the service holds about a payment. An id the service does not know (also one it could never have
     * given, when it chooses its own: a hand-written test may ask about its own id before the authorization) is
     * answered with an empty result, not an exception.
     *
     * @param paymentId the payment
     * @return its status (named as a state of the lifecycle under test), totals and ledger postings; empty
     *         if the service does not know it
     */
    Optional<PaymentState> state(String paymentId);
}
