package dev.complianceharness.payments.lifecycle;

import java.util.Objects;

/**
 * One allowed step of a {@link Lifecycle}: a command that moves a payment from one state to another.
 *
 * @param from    the state the payment is in
 * @param command the command applied to it
 * @param to      the state it is in afterwards; equal to {@code from} for a command that keeps the state
 *                (a refund on a succeeded PaymentIntent)
 */
public record Transition(String from, String command, String to) {

    /** Checks that nothing is missing. */
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(to, "to");
    }

    /** @return true if the command keeps the state */
    public boolean keepsState() {
        return from.equals(to);
    }

    @Override
    public String toString() {
        return from + " --" + command + "--> " + to;
    }
}
