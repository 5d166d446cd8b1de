package dev.complianceharness.examples.customerservice;

/** Thrown when the SSN a caller gives does not match the customer's. */
public class IdentityCheckFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     */
    public IdentityCheckFailedException(String message) {
        super(message);
    }
}
