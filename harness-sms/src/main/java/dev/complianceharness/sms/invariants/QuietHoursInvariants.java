package dev.complianceharness.sms.invariants;

import dev.complianceharness.sms.internal.DayNames;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.CandidateDecision;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.invariants.internal.WindowText;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.rules.ContactWindowRule;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the quiet-hours invariants of a rule set: one per contact-window rule, citing that rule's regulation and
 * flagging the texts it blocked, plus {@value SmsContactRulesModule#QUIET_HOURS} for texts no single rule blocked
 * but the decision still forbade (a recipient that cannot be located, candidates whose windows never overlap).
 * Reasons name the rule by id rather than by citation, since citations such as {@code 501.616(6)} look like phone
 * numbers to the masker; the citation is on the violation's regulation line.
 */
final class QuietHoursInvariants {

    private QuietHoursInvariants() {
    }

    static List<Invariant> of(QuietHours quietHours) {
        Decisions decisions = new Decisions(quietHours);
        Set<MessageKind> covered = EnumSet.noneOf(MessageKind.class);
        Regulation umbrella = null;
        for (ContactWindowRule rule : quietHours.ruleSet().rules()) {
            covered.addAll(rule.kinds());
            if (umbrella == null && rule.jurisdiction().equals(Jurisdiction.of("US"))) {
                umbrella = rule.regulation();
            }
        }
        if (umbrella == null) {
            umbrella = quietHours.ruleSet().rules().isEmpty()
                    ? SmsRegulations.TCPA_REVOCATION_OF_CONSENT : quietHours.ruleSet().rules().get(0).regulation();
        }
        List<Invariant> invariants = new ArrayList<>();
        invariants.add(Invariant.builder(SmsContactRulesModule.QUIET_HOURS)
                .description("A text a contact-window rule covers is sent only when the recipient can be located and every"
                        + " candidate jurisdiction and time zone permits it")
                .regulation(umbrella)
                .owner(SmsContactRulesModule.OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale("Windows compose by intersection: the federal window, the state's and every candidate zone's"
                        + " (rule set " + quietHours.ruleSet().version() + "). Texts a single rule blocks are flagged by"
                        + " that rule's own invariant; this one flags what fails closed.")
                .forEachEvent(SmsSent.class, (sent, trace) -> {
                    if (!covered.contains(sent.kind())) {
                        return Optional.empty();
                    }
                    Decision decision = decisions.of(sent);
                    boolean blockedByARule = decision.blockingCandidates().stream()
                            .anyMatch(candidate -> !candidate.blockingRules().isEmpty());
                    return decision.permitted() || blockedByARule ? Optional.empty() : Optional.of(decision.reason());
                }));
        for (ContactWindowRule rule : quietHours.ruleSet().rules()) {
            invariants.add(ruleInvariant(quietHours, decisions, rule));
        }
        return List.copyOf(invariants);
    }

    static String invariantId(ContactWindowRule rule) {
        return SmsContactRulesModule.QUIET_HOURS + "." + rule.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    private static Invariant ruleInvariant(QuietHours quietHours, Decisions decisions, ContactWindowRule rule) {
        return Invariant.builder(invariantId(rule))
                .description("No " + kinds(rule) + " text reaches a " + rule.jurisdiction() + " recipient outside "
                        + rule.describeWindows())
                .regulation(rule.regulation())
                .owner(SmsContactRulesModule.OWNER)
                .tier(LiabilityTier.REGULATORY)
                .rationale(rule.notes().isBlank() ? "Rule " + rule.id() + " of rule set " + quietHours.ruleSet().version()
                        : rule.notes())
                .forEachEvent(SmsSent.class, (sent, trace) -> {
                    if (!rule.covers(sent.kind())) {
                        return Optional.empty();
                    }
                    Decision decision = decisions.of(sent);
                    if (decision.permitted()) {
                        return Optional.empty();
                    }
                    List<CandidateDecision> blocked = decision.blockingCandidates().stream()
                            .filter(candidate -> candidate.blockingRules().stream()
                                    .anyMatch(blocking -> blocking.id().equals(rule.id()))).toList();
                    return blocked.isEmpty() ? Optional.empty() : Optional.of(reason(sent, decision, rule, blocked));
                });
    }

    /**
     * The decisions about recorded texts, shared by one module's quiet-hours invariants so that each text is decided
     * once rather than once per rule; bounded, and safe for tests verifying in parallel.
     */
    private static final class Decisions {
        private static final int LIMIT = 10_000;
        private final QuietHours quietHours;
        private final Map<SmsSent, Decision> decided = new ConcurrentHashMap<>();

        Decisions(QuietHours quietHours) {
            this.quietHours = quietHours;
        }

        Decision of(SmsSent sent) {
            Decision decision = decided.get(sent);
            if (decision == null) {
                decision = quietHours.decide(sent.recipient(), sent.instant(), sent.kind());
                if (decided.size() >= LIMIT) {
                    decided.clear();
                }
                decided.put(sent, decision);
            }
            return decision;
        }
    }

    private static String reason(SmsSent sent, Decision decision, ContactWindowRule rule, List<CandidateDecision> blocked) {
        StringBuilder text = new StringBuilder().append(sent.kind()).append(" text at ").append(sent.instant())
                .append(" blocked by rule ").append(rule.id()).append(": ");
        for (int i = 0; i < blocked.size(); i++) {
            CandidateDecision candidate = blocked.get(i);
            text.append(i == 0 ? "" : "; ").append(candidate.location().jurisdiction()).append(" in ")
                    .append(candidate.location().zone().getId()).append(" at local time ")
                    .append(candidate.localTime().withNano(0)).append(" (")
                    .append(DayNames.english(candidate.localTime().getDayOfWeek()))
                    .append(") is ");
            ContactWindowRule applied = candidate.blockingRules().stream().filter(blocking -> blocking.id().equals(rule.id()))
                    .findFirst().orElse(rule);
            Optional<String> closure = applied.closureOn(candidate.localTime().toLocalDate());
            text.append(closure.orElseGet(() -> "outside " + WindowText.of(applied.windowsOn(candidate.localTime()
                    .toLocalDate()), "any window (closed that day)")));
        }
        decision.nextPermitted().ifPresentOrElse(next -> {
            CandidateDecision first = blocked.get(0);
            ZoneOffset offset = first.location().zone().getRules().getOffset(next);
            text.append("; next permitted ").append(next).append(" (").append(next.atOffset(offset).toLocalDateTime())
                    .append(" in ").append(first.location().zone().getId()).append(')');
        }, () -> text.append("; no permitted time within about two years"));
        return text.toString();
    }

    private static String kinds(ContactWindowRule rule) {
        StringBuilder text = new StringBuilder();
        for (MessageKind kind : rule.kinds()) {
            text.append(text.length() == 0 ? "" : " or ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return text.toString();
    }
}
