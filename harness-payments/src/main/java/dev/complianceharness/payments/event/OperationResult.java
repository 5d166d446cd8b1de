package dev.complianceharness.payments.event;

import java.util.Objects;

/**
 * What a payment service answered to one request, in the harness's terms.
 *
 * @param outcome   whether the service performed the request
 * @param reference the service's identifier of the effect (a capture id, a refund id) for a success;
 *                  a retry with the same key must return the same reference. Empty when the service has none
 * @param reason    why the service refused, for a rejection or conflict; empty for a success
 */
public record OperationResult(Outcome outcome, String reference, String reason) {

    /** How a request ended. */
    public enum Outcome {
        /** The service performed the request (or replayed the stored result of a first one). */
        SUCCEEDED,
        /** The service refused the request; it must have changed nothing. */
        REJECTED,
        /** A request with the same idempotency key was in flight (HTTP 409); it must have changed nothing. */
        CONFLICT
    }

    /** Checks that nothing is missing. */
    public OperationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reference the service's identifier of the effect
     * @return a success
     */
    public static OperationResult succeeded(String reference) {
        return new OperationResult(Outcome.SUCCEEDED, reference, "");
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
