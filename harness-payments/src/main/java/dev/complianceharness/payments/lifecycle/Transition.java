package dev.complianceharness.payments.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One allowed step of a {@link Lifecycle}: a command that moves a payment from one state to another, when
 * the request's amount and the payment's totals satisfy a condition.
 *
 * @param from      the state the payment is in
 * @param command   the command applied to it
 * @param to        the state it is in afterwards; equal to {@code from} for a command that keeps the state
 *                  (a refund on a succeeded PaymentIntent)
 * @param condition when the transition applies; {@link AmountCondition#ANY} for always
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Transition(String from, String command, String to, AmountCondition condition) {

    /** Checks that nothing is missing. */
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * A transition that applies whatever the amount.
     *
     * @param from    the state the payment is in
     * @param command the command applied to it
     * @param to      the state it is in afterwards
     */
    public Transition(String from, String command, String to) {
        this(from, command, to, AmountCondition.ANY);
    }

    /** @return true if the command keeps the state */
    public boolean keepsState() {
        return from.equals(to);
    }

    /** @return true if the transition applies only under a condition other than {@link AmountCondition#ANY} */
    public boolean isConditional() {
        return condition != AmountCondition.ANY;
    }

    /** @return for example {@code "authorized --capture [capturing all that is left of the authorization]--> captured"} */
    @Override
    public String toString() {
        return from + " --" + command + (isConditional() ? " [" + condition + "]" : "") + "--> " + to;
    }
}
