package dev.complianceharness.property.internal;

/** Thrown by {@link dev.complianceharness.property.Property#assume(boolean)}: the example is discarded, not failed. */
public final class Discard extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the signal. */
    public Discard() {
        super("the example does not satisfy an assumption of the property", null, false, false);
    }
}
