package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a payment service answered to one request, in the harness's terms.
 *
 * <pre>{@code
 * return OperationResult.succeeded(capture.id());                 // a capture, refund or cancel
 * return OperationResult.authorized(intent.id());                 // a service that chooses its own payment ids
 * return OperationResult.rejected("amount exceeds the capturable rest");
 * }</pre>
 *
 * @param outcome   whether the service performed the request
 * @param reference the service's identifier of the effect (a capture id, a refund id) for a success;
 *                  a retry with the same key must return the same reference. Empty when the service has none
 * @param reason    why the service refused, for a rejection or conflict; empty for a success
 * @param paymentId for an authorization by a service that chooses its own payment ids, the id it gave the new
 *                  payment (the harness then sends that id in every later request and reading); empty otherwise
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record OperationResult(Outcome outcome, String reference, String reason, String paymentId) {

    /** How a request ended. */
    public enum Outcome {
        /** The service performed the request (or replayed the stored result of a first one). */
        SUCCEEDED,
        /** The service refused the request; it must have changed nothing. */
        REJECTED,
        /** A request with the same idempotency key was in flight (HTTP 409); it must have changed nothing. */
        CONFLICT
    }

    /** Checks that nothing is missing, and that only a success names a payment id. */
    public OperationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(paymentId, "paymentId");
        if (outcome != Outcome.SUCCEEDED && !paymentId.isEmpty()) {
            throw new IllegalArgumentException("Only a succeeded authorization names the payment id the service chose;"
                    + " this " + outcome + " names '" + paymentId + "'");
        }
    }

    /**
     * A result without a payment id.
     *
     * @param outcome   whether the service performed the request
     * @param reference the service's identifier of the effect; empty when it has none
     * @param reason    why the service refused; empty for a success
     */
    public OperationResult(Outcome outcome, String reference, String reason) {
        this(outcome, reference, reason, "");
    }

    /**
     * @param reference the service's identifier of the effect
     * @return a success
     */
    public static OperationResult succeeded(String reference) {
        return new OperationResult(Outcome.SUCCEEDED, reference, "");
    }

    /**
     * A succeeded authorization by a service that chooses its own payment ids: the harness keeps calling the
     * payment by the id it generated in messages, and sends this id to the adapter from now on.
     *
     * @param servicePaymentId the id the service gave the new payment, not blank
     * @return a success whose reference and payment id are that id
     */
    public static OperationResult authorized(String servicePaymentId) {
        Objects.requireNonNull(servicePaymentId, "servicePaymentId");
        if (servicePaymentId.isBlank()) {
            throw new IllegalArgumentException("OperationResult.authorized(...) needs the id the service gave the payment");
        }
        return new OperationResult(Outcome.SUCCEEDED, servicePaymentId, "", servicePaymentId);
    }

    /** @return the payment id the service chose, for a succeeded authorization by a service that chooses them */
    public Optional<String> assignedPaymentId() {
        return paymentId.isEmpty() ? Optional.empty() : Optional.of(paymentId);
    }

    /**
     * @param reason why the service refused, for example {@code "amount exceeds the capturable rest"}
     * @return a rejection
     */
    public static OperationResult rejected(String reason) {
        return new OperationResult(Outcome.REJECTED, "", reason);
    }

    /**
     * @param reason for example {@code "a request with this key is in flight"}
     * @return a conflict
     */
    public static OperationResult conflict(String reason) {
        return new OperationResult(Outcome.CONFLICT, "", reason);
    }

    /** @return true for {@link Outcome#SUCCEEDED} */
    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    /** @return for example {@code "SUCCEEDED cap-2"} or {@code "REJECTED (amount exceeds the capturable rest)"} */
    public String describe() {
        return outcome + (reference.isEmpty() ? "" : " " + reference) + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
