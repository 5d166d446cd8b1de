package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A named choice a team made where laws or providers differ, shown in the compliance report with its source,
 * so that a reviewer sees which reading of the rules a green result stands on. Modules expose the choices they
 * were configured with through {@link InvariantModule#policies()}.
 *
 * <pre>{@code
 * PolicyChoice.of("idempotency key scope", "per endpoint",
 *         "a key is remembered per API endpoint, as Stripe does",
 *         "https://docs.stripe.com/api/idempotent_requests");
 * }</pre>
 *
 * @param policy what varies, such as {@code "refund while partially captured"}
 * @param choice the variant chosen, such as {@code "refused"}
 * @param reason why, or whose documented behaviour it follows
 * @param source a link or citation of that documentation; empty when there is none
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PolicyChoice(String policy, String choice, String reason, String source) {

    /** Checks the fields: policy and choice must not be blank; reason and source must not be null. */
    public PolicyChoice {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        if (policy.isBlank()) {
            throw new IllegalArgumentException("A policy choice needs the name of the policy, such as \"refund while"
                    + " partially captured\"");
        }
        if (choice.isBlank()) {
            throw new IllegalArgumentException("The policy choice '" + policy + "' names no choice");
        }
        policy = policy.strip();
        choice = choice.strip();
        reason = reason.strip();
        source = source.strip();
    }

    /**
     * A policy choice.
     *
     * @param policy what varies
     * @param choice the variant chosen
     * @param reason why, or whose documented behaviour it follows
     * @param source a link or citation; empty when there is none
     * @return the choice
     */
    public static PolicyChoice of(String policy, String choice, String reason, String source) {
        return new PolicyChoice(policy, choice, reason, source);
    }

    /**
     * One line for messages and the report.
     *
     * @return for example {@code idempotency key scope: per endpoint (a key is remembered per endpoint; source: …)}
     */
    public String describe() {
        StringBuilder text = new StringBuilder(policy).append(": ").append(choice);
        if (!reason.isEmpty() || !source.isEmpty()) {
            text.append(" (").append(reason);
            if (!source.isEmpty()) {
                text.append(reason.isEmpty() ? "" : "; ").append("source: ").append(source);
            }
            text.append(')');
        }
        return text.toString();
    }

    /**
     * Written out rather than generated: a record's generated {@code equals} and {@code hashCode} start the JDK's
     * method-handle machinery on first use, milliseconds of every cold test JVM that merges a report.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyChoice that && policy.equals(that.policy) && choice.equals(that.choice)
                && reason.equals(that.reason) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, choice, reason, source);
    }
}
