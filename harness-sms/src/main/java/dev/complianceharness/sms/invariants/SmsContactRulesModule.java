package dev.complianceharness.sms.invariants;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.FrequencyCapRule;
import dev.complianceharness.sms.rules.RuleSet;
import dev.complianceharness.sms.rules.Strictness;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The SMS contact rules as invariants: quiet hours (every contact-window rule of the rule set, in every candidate
 * jurisdiction and zone of the recipient), the frequency caps of the rule set (shipped: Florida, Oklahoma and
 * Maryland, 3 marketing texts per 24 hours per recipient), and opt-outs honoured (no marketing after a STOP, one confirmation at most).
 * Each test gets an {@link SmsOutbox} to plug its sender into.
 *
 * <pre>{@code
 * @ComplianceTest(modules = SmsContactRulesModule.class)
 * class CampaignSchedulerTest {
 *     @Test
 *     void defersEveningReminders(SmsOutbox outbox, TestClock clock) {
 *         // drive the team's scheduler; every text sent through the outbox is judged after the test
 *     }
 * }
 * }</pre>
 *
 * <p>The shipped module enforces the shipped policy ({@link SmsPolicy#shipped()}). A team whose policy differs
 * (the jurisdictions it covers, holidays, strictness, where caps are owned, its own rules) subclasses it with its
 * {@link SmsPolicy}, one call per choice with the reason, and registers the subclass instead (a module needs a
 * public no-argument constructor); the report shows every choice with its reason and source:
 *
 * <pre>{@code
 * public final class AcmeSmsRules extends SmsContactRulesModule {
 *     public AcmeSmsRules() {
 *         super(SmsPolicy.shipped().strictness(Strictness.HIGH_CONFIDENCE_ONLY, "counsel signs off cited rules only",
 *                 "LEGAL-7"));
 *     }
 * }
 * }</pre>
 *
 * <p>Registered for {@link java.util.ServiceLoader} under the id {@value #ID}.
 */
@API(status = STABLE, since = "0.1.0")
public class SmsContactRulesModule implements InvariantModule {

    /** The module id, for {@code @ComplianceTest(moduleIds = "sms.contact-rules")}. */
    public static final String ID = "sms.contact-rules";

    /** The id of the quiet-hours invariant. */
    public static final String QUIET_HOURS = "sms.quiet-hours";

    /** The id of the opt-out invariant. */
    public static final String OPT_OUT_HONOURED = "sms.opt-out-honoured";

    /** The prefix of the frequency-cap invariants' ids, followed by the jurisdiction: {@code sms.frequency-cap.us-fl}. */
    public static final String FREQUENCY_CAP = "sms.frequency-cap";

    static final Owner OWNER = Owner.of("sms-compliance", "sms-compliance@example.com");

    private final QuietHours quietHours;
    private final CapOwner capOwner;
    private final String defaultRegion;
    private final List<PolicyChoice> policies;
    private final List<Invariant> quietHoursInvariants;
    private final List<Invariant> frequencyCaps;
    private final Invariant optOutHonoured;

    /** The shipped module: the shipped policy ({@link SmsPolicy#shipped()}). */
    public SmsContactRulesModule() {
        this(QuietHours.standard(), SmsPolicy.shipped());
    }

    /**
     * A module enforcing a team's policy, every choice with its reason shown in the report.
     *
     * @param policy the team's scope: jurisdictions, holidays, strictness, cap owner, default region, own rules
     */
    protected SmsContactRulesModule(SmsPolicy policy) {
        this(Objects.requireNonNull(policy, "policy").quietHours(), policy);
    }

    /**
     * A module enforcing a team's rule set; prefer {@link #SmsContactRulesModule(SmsPolicy)}, which records why.
     *
     * @param ruleSet the rules, with the team's strictness, additions and overrides
     */
    protected SmsContactRulesModule(RuleSet ruleSet) {
        this(QuietHours.of(Objects.requireNonNull(ruleSet, "ruleSet")));
    }

    /**
     * A module deciding with a team's quiet hours (its rule set and resolver); prefer
     * {@link #SmsContactRulesModule(SmsPolicy)}, which records why.
     *
     * @param quietHours the decisions to enforce
     */
    protected SmsContactRulesModule(QuietHours quietHours) {
        this(quietHours, null);
    }

    private SmsContactRulesModule(QuietHours quietHours, SmsPolicy policy) {
        this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
        SmsPolicy shipped = SmsPolicy.shipped();
        this.capOwner = policy == null ? shipped.capOwner() : policy.capOwner();
        this.defaultRegion = policy == null ? shipped.defaultRegion() : policy.defaultRegion();
        this.policies = policy == null ? policiesOf(quietHours.ruleSet(), shipped) : policy.choices();
        this.quietHoursInvariants = QuietHoursInvariants.of(quietHours);
        List<Invariant> caps = new ArrayList<>();
        for (FrequencyCapRule cap : quietHours.ruleSet().caps()) {
            caps.add(frequencyCapInvariant(new FrequencyCap(cap.regulation(), cap.kinds(), cap.limit(), cap.period()),
                    quietHours, defaultRegion));
        }
        this.frequencyCaps = List.copyOf(caps);
        String region = defaultRegion;
        this.optOutHonoured = Invariant.builder(OPT_OUT_HONOURED)
                .description("No marketing text reaches a recipient after they opted out, and at most one confirmation")
                .regulation(SmsRegulations.TCPA_REVOCATION_OF_CONSENT)
                .owner(OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("47 CFR 64.1200(a)(10) gives a sender up to 10 business days to honour a revocation; this"
                        + " invariant demands what carriers and the CTIA Messaging Principles expect: the STOP takes"
                        + " effect at once, answered by the one confirmation text 64.1200(a)(12) allows. Numbers are"
                        + " compared as E.164, those without a country code read in region " + region)
                .overWholeTrace(trace -> OptOutInvariant.findings(trace, region));
    }

    /** The choices a rule set given directly carries, next to the shipped answers for the rest. */
    private static List<PolicyChoice> policiesOf(RuleSet ruleSet, SmsPolicy shipped) {
        String given = "chosen in the module's RuleSet; no reason recorded (use SmsPolicy to record one)";
        List<PolicyChoice> choices = new ArrayList<>();
        for (PolicyChoice choice : shipped.choices()) {
            switch (choice.policy()) {
                case SmsPolicy.STRICTNESS -> choices.add(ruleSet.strictness() == Strictness.ALL_RULES ? choice
                        : PolicyChoice.of(choice.policy(), ruleSet.strictness().name(), given, ""));
                case SmsPolicy.JURISDICTIONS -> choices.add(ruleSet.jurisdictions().isEmpty() ? choice
                        : PolicyChoice.of(choice.policy(), ruleSet.jurisdictions().toString(), given, ""));
                default -> choices.add(choice);
            }
        }
        return List.copyOf(choices);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String title() {
        return "SMS contact rules: quiet hours, frequency caps, opt-out";
    }

    @Override
    public Optional<LocalDate> rulesReviewedOn() {
        return Optional.of(LocalDate.of(2026, 11, 20));
    }

    @Override
    public Map<String, String> dataVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("rule set", quietHours.ruleSet().version());
        versions.putAll(quietHours.dataVersions().asMap());
        return versions;
    }

    /**
     * The team's policy choices, each with its reason and source, for the compliance report: jurisdictions covered,
     * public holidays, strictness, where caps are owned, the default region of numbers, country-wide zone lists.
     *
     * @return the choices; the shipped default where the team made none
     */
    @Override
    public List<PolicyChoice> policies() {
        return policies;
    }

    /** @return where the frequency caps are owned; the generated scheduler suite checks them only on the scheduler */
    public CapOwner capOwner() {
        return capOwner;
    }

    /** @return the region numbers written without a country code are read in, when texts and opt-outs are compared */
    public String defaultRegion() {
        return defaultRegion;
    }

    @Override
    public List<Invariant> invariants() {
        List<Invariant> all = new ArrayList<>(quietHoursInvariants);
        all.addAll(frequencyCaps);
        all.add(optOutHonoured);
        return List.copyOf(all);
    }

    /**
     * The invariants a schedule alone can break, for the generated property suite: quiet hours, and the frequency
     * caps when the scheduler owns them ({@link CapOwner#SCHEDULER}).
     *
     * @return the quiet-hours invariants, then the frequency caps the scheduler owns
     */
    public List<Invariant> schedulingInvariants() {
        List<Invariant> scheduling = new ArrayList<>(quietHoursInvariants);
        if (capOwner == CapOwner.SCHEDULER) {
            scheduling.addAll(frequencyCaps);
        }
        return List.copyOf(scheduling);
    }

    /**
     * The quiet-hours invariants: {@value #QUIET_HOURS} for texts that fail closed (a recipient that cannot be
     * located), then one per contact-window rule, {@code sms.quiet-hours.<rule id>}, citing that rule.
     *
     * @return the invariants
     */
    public List<Invariant> quietHoursInvariants() {
        return quietHoursInvariants;
    }

    /**
     * The quiet-hours invariant of one rule.
     *
     * @param ruleId the rule's id, such as {@code "us-fl-501.616"}
     * @return the invariant, {@code sms.quiet-hours.us-fl-501-616}
     * @throws IllegalArgumentException if the rule set has no such rule, listing the ids it has
     */
    public Invariant quietHoursInvariant(String ruleId) {
        List<String> known = new ArrayList<>();
        for (ContactWindowRule rule : quietHours.ruleSet().rules()) {
            if (rule.id().equals(ruleId)) {
                String invariantId = QuietHoursInvariants.invariantId(rule);
                return quietHoursInvariants.stream().filter(invariant -> invariant.id().equals(invariantId)).findFirst()
                        .orElseThrow();
            }
            known.add(rule.id());
        }
        throw new IllegalArgumentException("Rule set " + quietHours.ruleSet().version() + " has no rule '" + ruleId
                + "'; its rules are " + known);
    }

    /** @return the frequency-cap invariants, one per enforced cap of the rule set: Florida, Oklahoma, Maryland when shipped */
    public List<Invariant> frequencyCapInvariants() {
        return frequencyCaps;
    }

    /** @return the opt-out invariant ({@value #OPT_OUT_HONOURED}) */
    public Invariant optOutInvariant() {
        return optOutHonoured;
    }

    /** @return the decisions this module enforces */
    public QuietHours quietHours() {
        return quietHours;
    }

    @Override
    public List<RecordingPart<?>> recordingParts() {
        return List.of(RecordingPart.of(SmsOutbox.class, SmsOutbox::new));
    }

    @Override
    public List<ReviewQuestion> reviewRubric() {
        return List.of(
                ReviewQuestion.of("Is every message type classified correctly as marketing, informational or transactional?",
                        QUIET_HOURS),
                ReviewQuestion.of("Does the scheduler use every candidate time zone of the recipient, at send time?",
                        QUIET_HOURS),
                ReviewQuestion.of("Does every path that sends marketing count towards the 3-per-24-hours caps?",
                        frequencyCaps.stream().map(Invariant::id).toArray(String[]::new)),
                ReviewQuestion.of("Does a STOP reach every system that sends texts, and cancel queued marketing?",
                        OPT_OUT_HONOURED),
                ReviewQuestion.of("Is the consent the team relies on (prior express written consent) recorded for each"
                        + " recipient?"));
    }

    private static Invariant frequencyCapInvariant(FrequencyCap cap, QuietHours quietHours, String defaultRegion) {
        Jurisdiction where = cap.jurisdiction();
        return Invariant.builder(FREQUENCY_CAP + "." + where.code().toLowerCase(java.util.Locale.ROOT))
                .description("At most " + cap.limit() + " marketing texts reach a " + where + " recipient in any "
                        + cap.period().toHours() + " hours")
                .regulation(cap.regulation())
                .owner(OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("The period rolls and is half-open: a text exactly 24 hours after another starts a new one. The"
                        + " recipient's state is presumed from the area code, as the statute does; a number that cannot"
                        + " be located counts as capped (fail closed).")
                .overWholeTrace((EventTrace trace) -> {
                    List<Finding> findings = cap.findings(trace, recipient -> {
                        ResolvedRecipient resolved = quietHours.resolver().resolve(recipient);
                        return resolved.isLocated() ? resolved.jurisdictions() : Set.of();
                    }, defaultRegion);
                    return findings;
                });
    }
}
