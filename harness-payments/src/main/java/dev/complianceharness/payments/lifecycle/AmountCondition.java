package dev.complianceharness.payments.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.payments.money.Money;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When a transition of a {@link Lifecycle} applies, judged by the request's amount and the payment's totals
 * before it: a capture of all that is left of the authorization completes a payment where a partial one does
 * not; a refund of all that is left of the captures closes it where a partial one does not.
 *
 * <pre>{@code
 * .allow("capture").from("Authorized").when(AmountCondition.CAPTURES_PART).to("PartiallyCaptured")
 * .allow("capture").from("Authorized").when(AmountCondition.CAPTURES_REST).to("Captured")
 * }</pre>
 *
 * An amount that exceeds what is left satisfies no condition but {@link #ANY}, so a lifecycle with conditions
 * declares no transition for it. Conditions on amounts never hold for a request in another currency than the
 * payment's.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum AmountCondition {
    /** Any request, whatever its amount. */
    ANY("any amount"),
    /** The request captures exactly what is left of the authorization. */
    CAPTURES_REST("capturing all that is left of the authorization"),
    /** The request captures less than what is left of the authorization. */
    CAPTURES_PART("capturing part of what is left of the authorization"),
    /** The request refunds exactly what is left of the captures. */
    REFUNDS_REST("refunding all that is left of the captures"),
    /** The request refunds less than what is left of the captures. */
    REFUNDS_PART("refunding part of what is left of the captures"),
    /** Nothing has been captured from the payment yet. */
    NOTHING_CAPTURED("while nothing is captured"),
    /** Something has been captured from the payment. */
    SOMETHING_CAPTURED("once something is captured");

    private final String description;

    AmountCondition(String description) {
        this.description = description;
    }

    /** @return for example {@code "capturing all that is left of the authorization"} */
    public String description() {
        return description;
    }

    /**
     * @param amounts the request's amount and the payment's totals before it
     * @return true if the condition holds
     */
    public boolean holds(Amounts amounts) {
        Objects.requireNonNull(amounts, "amounts");
        return switch (this) {
            case ANY -> true;
            case NOTHING_CAPTURED -> amounts.captured().isZero();
            case SOMETHING_CAPTURED -> amounts.captured().isPositive();
            case CAPTURES_REST -> compare(amounts.requested(), amounts.capturable()) == 0;
            case CAPTURES_PART -> compare(amounts.requested(), amounts.capturable()) < 0;
            case REFUNDS_REST -> compare(amounts.requested(), amounts.refundable()) == 0;
            case REFUNDS_PART -> compare(amounts.requested(), amounts.refundable()) < 0;
        };
    }

    /** Compares a positive requested amount with what is left; 2 when there is nothing to compare. */
    private static int compare(Money requested, Money left) {
        if (requested == null || !requested.isPositive() || !requested.hasSameCurrencyAs(left)) {
            return 2;
        }
        return Long.compare(requested.minorUnits(), left.minorUnits());
    }

    @Override
    public String toString() {
        return description;
    }
}
