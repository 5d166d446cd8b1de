package dev.complianceharness.payments.money;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Two amounts in different currencies were combined or compared; convert one first, or keep them apart. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CurrencyMismatchException(String operation, Money left, Money right) {
        super("Cannot " + operation + " " + left + " and " + right + ": the currencies differ ("
                + left.currencyCode() + " and " + right.currencyCode() + ")");
    }
}
