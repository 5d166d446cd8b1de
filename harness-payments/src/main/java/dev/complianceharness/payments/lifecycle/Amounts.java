package dev.complianceharness.payments.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.money.Money;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an {@link AmountCondition} looks at: the amount a request asks for (none for a cancel or an expiry) and
 * the payment's totals just before the request.
 *
 * @param requested  the request's amount; null when the request carries none
 * @param authorized the amount authorized
 * @param captured   the total captured so far
 * @param refunded   the total refunded so far
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Amounts(Money requested, Money authorized, Money captured, Money refunded) {

    /** Checks that the totals are there and in one currency. */
    public Amounts {
        Objects.requireNonNull(authorized, "authorized");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        if (!authorized.hasSameCurrencyAs(captured) || !authorized.hasSameCurrencyAs(refunded)) {
            throw new IllegalArgumentException("The totals of a payment are in one currency: authorized " + authorized
                    + ", captured " + captured + ", refunded " + refunded);
        }
    }

    /**
     * The amounts of a request on a payment that does not exist yet (an authorization): nothing authorized,
     * captured or refunded, in the request's currency.
     *
     * @param requested the request's amount
     * @return the amounts
     */
    public static Amounts beforeAuthorization(Money requested) {
        Money zero = Money.zero(requested.currency());
        return new Amounts(requested, zero, zero, zero);
    }

    /** @return the request's amount, if it carries one */
    public Optional<Money> optionalRequested() {
        return Optional.ofNullable(requested);
    }

    /** @return what is left of the authorization to capture: authorized minus captured, never below zero */
    public Money capturable() {
        return authorized.isGreaterThan(captured) ? authorized.minus(captured) : Money.zero(authorized.currency());
    }

    /** @return what is left of the captures to refund: captured minus refunded, never below zero */
    public Money refundable() {
        return captured.isGreaterThan(refunded) ? captured.minus(refunded) : Money.zero(captured.currency());
    }

    /** @return for example {@code "1 JPY minor requested, 0 of 1 JPY minor captured, 0 refunded"} */
    public String describe() {
        return (requested == null ? "no amount" : requested + " requested") + ", " + captured.minorUnits() + " of "
                + authorized + " captured, " + refunded.minorUnits() + " refunded";
    }
}
