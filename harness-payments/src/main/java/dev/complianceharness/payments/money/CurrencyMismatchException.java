package dev.complianceharness.payments.money;

/** Two amounts in different currencies were combined or compared; convert one first, or keep them apart. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CurrencyMismatchException(String operation, Money left, Money right) {
        super("Cannot " + operation + " " + left + " and " + right + ": the currencies differ ("
                + left.currencyCode() + " and " + right.currencyCode() + ")");
    }
}
