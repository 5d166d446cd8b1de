package dev.complianceharness.examples.payments;

/** The service refused a request; it changed nothing. */
public final class PaymentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason why, for the client */
    public PaymentRefusedException(String reason) {
        super(reason);
    }
}
