package dev.complianceharness.sms.invariants;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Owner;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.RuleSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SMS contact rules as invariants: quiet hours (every contact-window rule of the rule set, in every candidate
 * jurisdiction and zone of the recipient), the frequency caps of Florida, Oklahoma and Maryland (3 marketing
 * texts per 24 hours per recipient), and opt-outs honoured (no marketing after a STOP, one confirmation at most).
 * Each test gets an {@link SmsOutbox} to plug its sender into.
 *
 * <pre>{@code
 * @ComplianceTest(modules = SmsContactRulesModule.class)
 * class CampaignSchedulerTest {
 *     @Test
 *     void defersEveningReminders(SmsOutbox outbox, TestClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>The shipped module enforces every shipped rule ({@link RuleSet#standard()}). A team that chooses another
 * strictness, or adds and overrides rules, subclasses it with its own rule set and registers the subclass
 * instead (a module needs a public no-argument constructor):
 *
 * <pre>{@code
 * public final class AcmeSmsRules extends SmsContactRulesModule {
 *     public AcmeSmsRules() {
 *         super(RuleSet.builder().pack(RulePack.standard()).strictness(Strictness.HIGH_CONFIDENCE_ONLY)
 *                 .override(acmeFloridaRule).build());
 *     }
 * }
 * }</pre>
 *
 * <p>Registered for {@link java.util.ServiceLoader} under the id {@value #ID}.
 */
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
    private static final int CAP = 3;
    private static final Duration CAP_PERIOD = Duration.ofHours(24);
    private static final List<Regulation> CAPPED = List.of(SmsRegulations.FLORIDA_FREQUENCY_CAP,
            SmsRegulations.OKLAHOMA_FREQUENCY_CAP, SmsRegulations.MARYLAND_FREQUENCY_CAP);

    private final QuietHours quietHours;
    private final Invariant quietHoursInvariant;
    private final List<Invariant> frequencyCaps;
    private final Invariant optOutHonoured;

    /** The shipped module: every shipped rule, the standard fail-closed resolver. */
    public SmsContactRulesModule() {
        this(QuietHours.standard());
    }

    /**
     * A module enforcing a team's rule set.
     *
     * @param ruleSet the rules, with the team's strictness, additions and overrides
     */
    protected SmsContactRulesModule(RuleSet ruleSet) {
        this(QuietHours.of(Objects.requireNonNull(ruleSet, "ruleSet")));
    }

    /**
     * A module deciding with a team's quiet hours (its rule set and resolver).
     *
     * @param quietHours the decisions to enforce
     */
    protected SmsContactRulesModule(QuietHours quietHours) {
        this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
        this.quietHoursInvariant = quietHoursInvariant(quietHours);
        List<Invariant> caps = new ArrayList<>();
        for (Regulation regulation : CAPPED) {
            caps.add(frequencyCapInvariant(new FrequencyCap(regulation, CAP, CAP_PERIOD), quietHours));
        }
        this.frequencyCaps = List.copyOf(caps);
        this.optOutHonoured = Invariant.builder(OPT_OUT_HONOURED)
                .description("No marketing text reaches a recipient after they opted out, and at most one confirmation")
                .regulation(SmsRegulations.TCPA_REVOCATION_OF_CONSENT)
                .owner(OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("47 CFR 64.1200(a)(10) gives a sender up to 10 business days to honour a revocation; this"
                        + " invariant demands what carriers and the CTIA Messaging Principles expect: the STOP takes"
                        + " effect at once, answered by the one confirmation text 64.1200(a)(12) allows")
                .overWholeTrace(OptOutInvariant::findings);
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

    @Override
    public List<Invariant> invariants() {
        List<Invariant> all = new ArrayList<>(schedulingInvariants());
        all.add(optOutHonoured);
        return List.copyOf(all);
    }

    /**
     * The invariants a schedule alone can break, for the generated property suite: quiet hours and frequency caps.
     *
     * @return the quiet-hours invariant, then the frequency caps
     */
    public List<Invariant> schedulingInvariants() {
        List<Invariant> scheduling = new ArrayList<>();
        scheduling.add(quietHoursInvariant);
        scheduling.addAll(frequencyCaps);
        return List.copyOf(scheduling);
    }

    /** @return the quiet-hours invariant ({@value #QUIET_HOURS}) */
    public Invariant quietHoursInvariant() {
        return quietHoursInvariant;
    }

    /** @return the frequency-cap invariants, one per capped jurisdiction: Florida, Oklahoma, Maryland */
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
                        FREQUENCY_CAP + ".us-fl", FREQUENCY_CAP + ".us-ok", FREQUENCY_CAP + ".us-md"),
                ReviewQuestion.of("Does a STOP reach every system that sends texts, and cancel queued marketing?",
                        OPT_OUT_HONOURED),
                ReviewQuestion.of("Is the consent the team relies on (prior express written consent) recorded for each"
                        + " recipient?"));
    }

    private static Invariant quietHoursInvariant(QuietHours quietHours) {
        Set<MessageKind> covered = EnumSet.noneOf(MessageKind.class);
        Regulation federal = null;
        for (ContactWindowRule rule : quietHours.ruleSet().rules()) {
            covered.addAll(rule.kinds());
            if (federal == null && rule.jurisdiction().equals(Jurisdiction.of("US"))) {
                federal = rule.regulation();
            }
        }
        if (federal == null) {
            federal = quietHours.ruleSet().rules().isEmpty()
                    ? SmsRegulations.TCPA_REVOCATION_OF_CONSENT : quietHours.ruleSet().rules().get(0).regulation();
        }
        return Invariant.builder(QUIET_HOURS)
                .description("Every text a contact-window rule covers is sent when every candidate jurisdiction and time"
                        + " zone of the recipient permits it")
                .regulation(federal)
                .owner(OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Windows compose by intersection: the federal window, the state's and every candidate zone's"
                        + " (rule set " + quietHours.ruleSet().version() + "); each violation names the rule and citation"
                        + " that blocked it. A recipient that cannot be located is never permitted (fail closed).")
                .forEachEvent(SmsSent.class, (sent, trace) -> {
                    if (!covered.contains(sent.kind())) {
                        return Optional.empty();
                    }
                    Decision decision = quietHours.decide(Recipient.of(sent.to()), sent.instant(), sent.kind());
                    return decision.permitted() ? Optional.empty() : Optional.of(decision.reason());
                });
    }

    private static Invariant frequencyCapInvariant(FrequencyCap cap, QuietHours quietHours) {
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
                    List<Finding> findings = cap.findings(trace, number -> {
                        ResolvedRecipient resolved = quietHours.resolver().resolve(Recipient.of(number));
                        return resolved.isLocated() ? resolved.jurisdictions() : Set.of();
                    });
                    return findings;
                });
    }
}
