package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A rule a domain expert declares once and every team's tests then verify: a predicate over the
 * events a test recorded, with the regulation it enforces, who owns it and what kind of harm a breach
 * does.
 *
 * <p>An invariant has one of two forms. A <em>per-event</em> invariant judges each event of one type
 * on its own (this SMS was inside the recipient's permitted hours). A <em>whole-trace</em> invariant
 * judges everything the test recorded (at most 3 marketing messages per recipient per 24 hours).
 *
 * <pre>{@code
 * Invariant optOutLink = Invariant.builder("can-spam.opt-out-mechanism")
 *         .description("Every commercial e-mail offers a working way to opt out")
 *         .regulation(canSpam)
 *         .owner(Owner.of("marketing-compliance"))
 *         .tier(LiabilityTier.REGULATORY)
 *         .forEachEvent(MarketingEmailSent.class, (email, trace) -> email.hasOptOutLink()
 *                 ? Optional.empty()
 *                 : Optional.of("the e-mail has no opt-out link"));
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
public final class Invariant {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    /** The two shapes an invariant can take. */
    public enum Form {
        /** Judges each event of one type on its own. */
        PER_EVENT,
        /** Judges the whole trace at once. */
        WHOLE_TRACE
    }

    private final String id;
    private final String description;
    private final Regulation regulation;
    private final Owner owner;
    private final LiabilityTier tier;
    private final String rationale;
    private final Form form;
    private final Class<? extends RecordedEvent> eventType;
    private final TraceCheck check;

    private Invariant(Builder builder, Form form, Class<? extends RecordedEvent> eventType, TraceCheck check) {
        this.id = builder.id;
        this.description = builder.description;
        this.regulation = builder.regulation;
        this.owner = builder.owner;
        this.tier = builder.tier;
        this.rationale = builder.rationale;
        this.form = form;
        this.eventType = eventType;
        this.check = check;
    }

    /**
     * Starts an invariant.
     *
     * @param id a stable identifier, lower case with dots or dashes, for example {@code "sms.us.quiet-hours"};
     *           unique across all active modules
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the stable identifier */
    public String id() {
        return id;
    }

    /** @return what the invariant demands, in one sentence */
    public String description() {
        return description;
    }

    /** @return the regulation it enforces */
    public Regulation regulation() {
        return regulation;
    }

    /** @return who answers for it */
    public Owner owner() {
        return owner;
    }

    /** @return what kind of harm a breach does */
    public LiabilityTier tier() {
        return tier;
    }

    /** @return why the rule is stated this way (sources, incidents), if the author said */
    public Optional<String> rationale() {
        return Optional.ofNullable(rationale);
    }

    /** @return per-event or whole-trace */
    public Form form() {
        return form;
    }

    /** @return for a per-event invariant, the event type it judges */
    public Optional<Class<? extends RecordedEvent>> eventType() {
        return Optional.ofNullable(eventType);
    }

    /**
     * Verifies a trace. A check that throws anything (an {@link AssertionError} from an assertion library inside the
     * check, a {@link StackOverflowError}, an exception) is reported as a violation saying so, never as a pass; use
     * {@link #evaluate(EventTrace)} to tell a violation from a check that errored.
     *
     * @param trace the events a test recorded
     * @return one masked violation per breach; empty if the trace complies
     */
    public List<Violation> verify(EventTrace trace) {
        InvariantResult result = evaluate(trace);
        if (result.status() == InvariantResult.Status.ERRORED) {
            return List.of(new Violation(this, "the check could not decide and fails closed: " + result.error().orElseThrow(),
                    List.of()));
        }
        return result.violations();
    }

    /**
     * Verifies a trace and says how the check ended: held, violated, or errored when it threw anything instead of
     * deciding. The error is masked; the stand-in cause keeps the thrown type and stack for a build log.
     *
     * @param trace the events a test recorded
     * @return the result
     */
    public InvariantResult evaluate(EventTrace trace) {
        Objects.requireNonNull(trace, "trace");
        List<Finding> findings;
        try {
            findings = check.findings(trace);
        } catch (Throwable thrown) {
            return InvariantResult.errored(this, thrown);
        }
        List<Violation> violations = new ArrayList<>(findings.size());
        try {
            for (Finding finding : findings) {
                violations.add(Violation.of(this, finding.reason(), finding.evidence()));
            }
        } catch (Throwable thrown) {
            // an event's describeMasked() threw: the finding cannot be shown, but it must not vanish
            return InvariantResult.errored(this, thrown);
        }
        return InvariantResult.violated(this, List.copyOf(violations));
    }

    @Override
    public String toString() {
        return "Invariant[" + id + "]";
    }

    /** Builds an {@link Invariant}; the terminal methods say what is missing. */
    public static final class Builder {
        private final String id;
        private String description;
        private Regulation regulation;
        private Owner owner;
        private LiabilityTier tier;
        private String rationale;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "invariant id");
        }

        /**
         * @param description what the invariant demands, in one sentence; required
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param regulation the regulation it enforces; required
         * @return this builder
         */
        public Builder regulation(Regulation regulation) {
            this.regulation = Objects.requireNonNull(regulation, "regulation");
            return this;
        }

        /**
         * @param owner who answers for it; required
         * @return this builder
         */
        public Builder owner(Owner owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * @param tier what kind of harm a breach does; required
         * @return this builder
         */
        public Builder tier(LiabilityTier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * @param rationale why the rule is stated this way: sources, incidents, interpretation
         * @return this builder
         */
        public Builder rationale(String rationale) {
            this.rationale = Objects.requireNonNull(rationale, "rationale");
            return this;
        }

        /**
         * Finishes a per-event invariant.
         *
         * @param eventType the event type it judges; events of other types are ignored
         * @param check     judges one event
         * @param <E>       the event type
         * @return the invariant
         * @throws IllegalArgumentException naming the invariant and what is missing
         */
        public <E extends RecordedEvent> Invariant forEachEvent(Class<E> eventType, EventCheck<? super E> check) {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(check, "check");
            validate();
            TraceCheck perEvent = trace -> {
                List<Finding> findings = new ArrayList<>();
                for (E event : trace.events(eventType)) {
                    Optional<String> reason = check.violationReason(event, trace);
                    reason.ifPresent(why -> findings.add(Finding.of(why, event)));
                }
                return findings;
            };
            return new Invariant(this, Form.PER_EVENT, eventType, perEvent);
        }

        /**
         * Finishes a whole-trace invariant.
         *
         * @param check judges the whole trace
         * @return the invariant
         * @throws IllegalArgumentException naming the invariant and what is missing
         */
        public Invariant overWholeTrace(TraceCheck check) {
            Objects.requireNonNull(check, "check");
            validate();
            return new Invariant(this, Form.WHOLE_TRACE, null, check);
        }

        private void validate() {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Invariant id '" + id
                        + "' must be lower-case letters and digits separated by dots or dashes, such as \"sms.us.quiet-hours\"");
            }
            requireSet(description, "a description: add .description(\"...\") saying what the invariant demands");
            requireSet(regulation, "a regulation: add .regulation(...) with the citation it enforces");
            requireSet(owner, "an owner: add .owner(Owner.of(\"team\")) naming who a failure is routed to");
            requireSet(tier, "a liability tier: add .tier(LiabilityTier.REGULATORY), FINANCIAL or REPUTATIONAL");
        }

        private void requireSet(Object value, String what) {
            if (value == null || (value instanceof String text && text.isBlank())) {
                throw new IllegalArgumentException("Invariant '" + id + "' has no " + what);
            }
        }
    }
}
