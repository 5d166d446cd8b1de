package dev.complianceharness.sms.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.ResolvedRecipient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether a message of a kind may be sent to a recipient at an instant, and why: the candidates
 * considered (jurisdiction, zone, local time, window, rules with citations), the next permitted
 * instant over all candidates, and a reason a person can act on (with the number masked).
 *
 * <p>{@link #permitted()}, {@link #nextPermitted()} and {@link #permittedUntil()} are computed when the
 * decision is made; {@link #candidates()} and {@link #reason()} are derived from the same data when
 * first asked for, so that a scheduler asking only "may I send now?" pays for nothing more.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Decision {

    private final QuietHours quietHours;
    private final Plan plan;
    private final Instant instant;
    private final boolean permitted;
    private final Instant nextPermitted;
    private final Instant permittedUntil;
    private final String failure;
    private final List<CapDecision> caps;
    private volatile List<CandidateDecision> candidates;
    private volatile String reason;

    Decision(QuietHours quietHours, Plan plan, Instant instant, boolean permitted, Instant nextPermitted,
             Instant permittedUntil, String failure) {
        this(quietHours, plan, instant, permitted, nextPermitted, permittedUntil, failure, List.of());
    }

    Decision(QuietHours quietHours, Plan plan, Instant instant, boolean permitted, Instant nextPermitted,
             Instant permittedUntil, String failure, List<CapDecision> caps) {
        this.quietHours = quietHours;
        this.plan = plan;
        this.instant = instant;
        this.permitted = permitted;
        this.nextPermitted = nextPermitted;
        this.permittedUntil = permittedUntil;
        this.failure = failure;
        this.caps = List.copyOf(caps);
    }

    /** @return whether the message may be sent at {@link #instant()}: only if every candidate permits it */
    public boolean permitted() {
        return permitted;
    }

    /** @return the instant asked about */
    public Instant instant() {
        return instant;
    }

    /** @return the message kind asked about */
    public MessageKind kind() {
        return plan.kind();
    }

    /** @return the recipient asked about */
    public Recipient recipient() {
        return plan.resolved().recipient();
    }

    /** @return the recipient's candidate locations, or why it has none */
    public ResolvedRecipient resolution() {
        return plan.resolved();
    }

    /**
     * The earliest instant at or after {@link #instant()} when every candidate permits the message:
     * the instant itself if permitted now.
     *
     * @return the instant; empty if the recipient cannot be located or nothing is permitted within about
     *         two years (a rule closed every day)
     */
    public Optional<Instant> nextPermitted() {
        return Optional.ofNullable(nextPermitted);
    }

    /**
     * @return when permitted, the first instant after {@link #instant()} at which some candidate no longer
     *         permits the message; empty if not permitted, or permitted for the whole look-ahead
     */
    public Optional<Instant> permittedUntil() {
        return Optional.ofNullable(permittedUntil);
    }

    /** @return why the recipient cannot be judged at all (not located, no rules for its country), if so */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * @return how each frequency cap that may claim the recipient judged the message, when the decision was asked
     *         with a {@link SendingHistory}; empty otherwise
     */
    public List<CapDecision> caps() {
        return caps;
    }

    /** @return every candidate's judgement; empty if the recipient cannot be located */
    public List<CandidateDecision> candidates() {
        List<CandidateDecision> result = candidates;
        if (result == null) {
            result = quietHours.explainCandidates(plan, instant);
            candidates = result;
        }
        return result;
    }

    /** @return the candidates that do not permit the message */
    public List<CandidateDecision> blockingCandidates() {
        return candidates().stream().filter(candidate -> !candidate.permitted()).toList();
    }

    /**
     * A sentence a person can act on, with the number masked: the verdict, the candidate and rule that
     * decided it with its citation, the local time and window, and the next permitted instant.
     *
     * @return the reason
     */
    public String reason() {
        String result = reason;
        if (result == null) {
            result = quietHours.explain(this, plan, failure);
            reason = result;
        }
        return result;
    }

    /** @return the rule set and data versions the decision was made with */
    public String basis() {
        return quietHours.ruleSet().version() + "; " + quietHours.dataVersions().describe();
    }

    @Override
    public String toString() {
        return "Decision[" + reason() + "]";
    }
}
