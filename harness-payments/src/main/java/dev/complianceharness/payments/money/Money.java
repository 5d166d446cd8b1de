package dev.complianceharness.payments.money;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Currency;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An amount of one currency as a whole number of minor units, the way payment providers and ledgers
 * carry money: {@code Money.of(1050, "USD")} is USD 10.50, {@code Money.of(1000, "JPY")} is JPY 1000.
 * What a minor unit is depends on the {@link MinorUnitRules} in use (Stripe carries ISK with two
 * decimals, ISO 4217 with none), so convert from and to decimal amounts only through them.
 *
 * <p>Arithmetic and comparison refuse to mix currencies with a {@link CurrencyMismatchException}, and
 * overflow with an {@link ArithmeticException}; nothing is silently converted or rounded.
 *
 * @param minorUnits the amount in minor units; may be zero or negative (a balance)
 * @param currency   the currency
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    /** Checks that the currency is given. */
    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * An amount.
     *
     * @param minorUnits   the amount in minor units
     * @param currencyCode an ISO 4217 code, for example {@code "USD"}
     * @return the amount
     * @throws IllegalArgumentException naming the code if it is not an ISO 4217 currency
     */
    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /**
     * Nothing, in a currency.
     *
     * @param currency the currency
     * @return zero minor units
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * @param currencyCode an ISO 4217 code
     * @return the currency
     * @throws IllegalArgumentException naming the code if it is not an ISO 4217 currency
     */
    public static Currency currency(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currency code");
        try {
            return Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency '" + currencyCode
                    + "': expected an ISO 4217 code such as \"USD\", \"JPY\" or \"KWD\"", e);
        }
    }

    /** @return the ISO 4217 code */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /**
     * @param other an amount in the same currency
     * @return the sum
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency("add", other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * @param other an amount in the same currency
     * @return the difference
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency("subtract", other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * @param other an amount in the same currency
     * @return true if this amount is larger
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** @return true for zero minor units */
    public boolean isZero() {
        return minorUnits == 0;
    }

    /** @return true for more than zero minor units */
    public boolean isPositive() {
        return minorUnits > 0;
    }

    /**
     * @param other an amount in the same currency
     * @return true if both are in the same currency
     */
    public boolean hasSameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency("compare", other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(String operation, Money other) {
        Objects.requireNonNull(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(operation, this, other);
        }
    }

    /** @return for example {@code "1050 USD minor"}: the minor units and the currency code */
    @Override
    public String toString() {
        return minorUnits + " " + currencyCode() + " minor";
    }

    // Written out rather than generated: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // on first use, about 20 ms of method-handle spinning in a fresh test JVM (issue 19). Same meaning: every component.
    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && minorUnits == that.minorUnits && currency.equals(that.currency);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(minorUnits) + currency.hashCode();
    }
}
