package dev.complianceharness.payments.testing;

import dev.complianceharness.property.PropertyFailure;

/**
 * Generated payment requests broke an invariant, or (in the concurrent mode) the service's answers match
 * no sequential order: the message shows the minimal failing sequence, step by step, and the seed that
 * replays it. The property engine's own failure is the cause.
 */
public final class PaymentPropertyFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    PaymentPropertyFailure(String message, PropertyFailure cause) {
        super(message, cause);
    }

    /** @return the seed that replays the failure */
    public long seed() {
        return ((PropertyFailure) getCause()).seed();
    }
}
