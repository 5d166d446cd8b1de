package dev.complianceharness.sms.decision;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.sms.internal.DayNames;
import dev.complianceharness.sms.DataVersions;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.internal.CandidateRules;
import dev.complianceharness.sms.decision.internal.Schedule;
import dev.complianceharness.sms.decision.internal.ZoneTimeline;
import dev.complianceharness.sms.internal.CompiledTables;
import dev.complianceharness.sms.recipient.CandidateLocation;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;
import dev.complianceharness.sms.rules.FrequencyCapRule;
import dev.complianceharness.invariant.Jurisdiction;
import java.time.Duration;
import dev.complianceharness.sms.rules.RuleSet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Decides whether a message may be sent to a recipient at an instant, under a {@link RuleSet}, across
 * every candidate jurisdiction and time zone the {@link RecipientResolver} finds: permitted only where
 * every candidate permits it (conservative across ambiguity), never permitted when the recipient cannot
 * be located or no rule covers its country (fail closed).
 *
 * <pre>{@code
 * QuietHours quietHours = QuietHours.standard();
 * Recipient recipient = Recipient.of("+18505550123");
 * Decision decision = quietHours.decide(recipient, Instant.parse("2025-06-03T00:30:00Z"), MessageKind.MARKETING);
 * if (!decision.permitted()) {
 *     log.info(decision.reason());                       // number masked, rule and citation named
 *     scheduleAt(decision.nextPermitted().orElseThrow()); // 2025-06-03T12:00:00Z
 * }
 * }</pre>
 *
 * <p>Fast: a recipient is resolved once, and the instants at which each combination of zones and rules
 * permits messages are compiled once into sorted intervals, so a warm decision is a hash lookup and a
 * binary search. Thread-safe.
 */
@API(status = STABLE, since = "0.1.0")
public final class QuietHours {

    private static final int CACHE_LIMIT = 100_000;
    private static final MessageKind[] KINDS = MessageKind.values();
    private static final QuietHours STANDARD = new QuietHours(RuleSet.standard(), RecipientResolver.standard());

    private final RuleSet ruleSet;
    private final RecipientResolver resolver;
    private final Map<Recipient, Plan[]> plans = new ConcurrentHashMap<>();
    private final Map<List<Object>, Schedule> schedules = new ConcurrentHashMap<>();

    private QuietHours(RuleSet ruleSet, RecipientResolver resolver) {
        this.ruleSet = ruleSet;
        this.resolver = resolver;
    }

    /** @return the shipped rules (all of them) with the standard, fail-closed resolver */
    public static QuietHours standard() {
        return STANDARD;
    }

    /**
     * @param ruleSet the rules to enforce
     * @return decisions under those rules with the standard resolver
     */
    public static QuietHours of(RuleSet ruleSet) {
        return of(ruleSet, RecipientResolver.standard());
    }

    /**
     * @param ruleSet the rules to enforce
     * @param resolver how recipients are located
     * @return decisions under those rules
     */
    public static QuietHours of(RuleSet ruleSet, RecipientResolver resolver) {
        return new QuietHours(Objects.requireNonNull(ruleSet, "rule set"), Objects.requireNonNull(resolver, "resolver"));
    }

    /** @return the rules enforced */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** @return how recipients are located */
    public RecipientResolver resolver() {
        return resolver;
    }

    /** @return the number, time-zone and holiday data versions decisions use */
    public DataVersions dataVersions() {
        return DataVersions.current();
    }

    /**
     * Decides whether a message may be sent.
     *
     * @param recipient the recipient
     * @param instant when the message would be sent
     * @param kind what the message is for
     * @return the decision; never throws for a bad number or zone, which are "not permitted" with the reason
     */
    public Decision decide(Recipient recipient, Instant instant, MessageKind kind) {
        Objects.requireNonNull(instant, "instant");
        Plan plan = plan(Objects.requireNonNull(recipient, "recipient"), Objects.requireNonNull(kind, "message kind"));
        if (plan.failure() != null) {
            return new Decision(this, plan, instant, false, null, null, plan.failure());
        }
        long second = instant.getEpochSecond();
        if (!Schedule.supports(second)) {
            return new Decision(this, plan, instant, false, null, null, "the instant " + instant
                    + " is outside the years harness-sms decides for: " + CompiledTables.decidableYears());
        }
        Schedule.Answer answer = plan.schedule().answer(second);
        Instant boundary = answer.boundary() == Schedule.NEVER ? null : Instant.ofEpochSecond(answer.boundary());
        return answer.permitted() ? new Decision(this, plan, instant, true, instant, boundary, null)
                : new Decision(this, plan, instant, false, boundary, null, null);
    }

    /**
     * Decides whether a message may be sent, counting the recipient's sending history against the frequency caps
     * that may claim any candidate jurisdiction: a cap is explained like a window, and the next permitted instant is
     * the first one both every window and every cap permit.
     *
     * @param recipient the recipient
     * @param instant   when the message would be sent
     * @param kind      what the message is for
     * @param history   what the recipient was already sent or is planned to be sent
     * @return the decision; {@link Decision#caps()} says how each cap judged it
     */
    public Decision decide(Recipient recipient, Instant instant, MessageKind kind, SendingHistory history) {
        Objects.requireNonNull(history, "history");
        Decision windows = decide(recipient, instant, kind);
        if (windows.failure().isPresent()) {
            return windows;
        }
        Plan plan = plan(recipient, kind);
        List<FrequencyCapRule> caps = new ArrayList<>();
        for (Jurisdiction jurisdiction : plan.resolved().jurisdictions()) {
            for (FrequencyCapRule cap : ruleSet.capsFor(jurisdiction, kind)) {
                if (!caps.contains(cap)) {
                    caps.add(cap);
                }
            }
        }
        if (caps.isEmpty()) {
            return windows;
        }
        Instant next = windows.nextPermitted().orElse(null);
        for (int round = 0; next != null && round < 10_000; round++) {
            Instant escape = capEscape(caps, history, next);
            if (escape == null) {
                break;
            }
            long second = escape.getEpochSecond();
            long earliest = Schedule.supports(second) ? plan.schedule().earliestPermitted(second) : Schedule.NEVER;
            next = earliest == Schedule.NEVER ? null : Instant.ofEpochSecond(earliest);
        }
        List<CapDecision> judged = new ArrayList<>();
        for (FrequencyCapRule cap : caps) {
            judged.add(judge(cap, history, instant));
        }
        boolean permitted = windows.permitted() && judged.stream().allMatch(CapDecision::permitted);
        Instant until = null;
        if (permitted) {
            until = windows.permittedUntil().orElse(null);
            for (FrequencyCapRule cap : caps) {
                Instant blockFrom = firstBlockAfter(cap, history, instant);
                if (blockFrom != null && (until == null || blockFrom.isBefore(until))) {
                    until = blockFrom;
                }
            }
        }
        return new Decision(this, plan, instant, permitted, next, until, null, judged);
    }

    /** Whether a cap is in effect on the UTC date of an instant, as the cap invariants count it. */
    private static boolean inEffect(FrequencyCapRule cap, Instant at) {
        return cap.regulation().isInEffectOn(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * The first group of {@code limit} counted messages that, with a message at {@code at}, fall within one period;
     * its first message's index in {@code sent}, or -1.
     */
    private static int blockingGroup(FrequencyCapRule cap, List<Instant> sent, Instant at) {
        int limit = cap.limit();
        for (int first = 0; first + limit - 1 < sent.size(); first++) {
            Instant last = sent.get(first + limit - 1);
            Instant earliest = sent.get(first).isBefore(at) ? sent.get(first) : at;
            Instant latest = last.isAfter(at) ? last : at;
            if (Duration.between(earliest, latest).compareTo(cap.period()) < 0) {
                return first;
            }
        }
        return -1;
    }

    /** The earliest instant after {@code at} that escapes every cap blocking {@code at}; null if none blocks it. */
    private static Instant capEscape(List<FrequencyCapRule> caps, SendingHistory history, Instant at) {
        Instant escape = null;
        for (FrequencyCapRule cap : caps) {
            if (!inEffect(cap, at)) {
                continue;
            }
            List<Instant> sent = history.sentAt(cap.kinds());
            int first = blockingGroup(cap, sent, at);
            while (first >= 0) {
                Instant candidate = sent.get(first).plus(cap.period());
                if (escape == null || candidate.isAfter(escape)) {
                    escape = candidate;
                }
                first = blockingGroup(cap, sent, candidate);
            }
        }
        return escape;
    }

    /** The first instant after {@code at} at which a cap would block, because of messages planned later; or null. */
    private static Instant firstBlockAfter(FrequencyCapRule cap, SendingHistory history, Instant at) {
        List<Instant> sent = history.sentAt(cap.kinds());
        Instant found = null;
        for (int first = 0; first + cap.limit() - 1 < sent.size(); first++) {
            Instant blockFrom = sent.get(first + cap.limit() - 1).minus(cap.period()).plusSeconds(1);
            if (blockFrom.isAfter(at) && (found == null || blockFrom.isBefore(found))
                    && Duration.between(sent.get(first), sent.get(first + cap.limit() - 1)).compareTo(cap.period()) < 0) {
                found = blockFrom;
            }
        }
        return found;
    }

    private static CapDecision judge(FrequencyCapRule cap, SendingHistory history, Instant at) {
        String name = cap.jurisdiction() + " cap of " + cap.describeLimit() + " under " + cap.regulation().describe();
        if (!inEffect(cap, at)) {
            return new CapDecision(cap, List.of(), true, name + " is not in effect on " + LocalDate.ofInstant(at,
                    ZoneOffset.UTC));
        }
        List<Instant> sent = history.sentAt(cap.kinds());
        int first = blockingGroup(cap, sent, at);
        if (first < 0) {
            return new CapDecision(cap, List.of(), true, name + " permits it");
        }
        List<Instant> counted = sent.subList(first, first + cap.limit());
        return new CapDecision(cap, counted, false, name + " is reached: " + counted.size() + " already sent or planned"
                + " within " + describe(cap.period()) + " of it, at " + counted + "; the cap permits the next from "
                + counted.get(0).plus(cap.period()));
    }

    private static String describe(Duration period) {
        return period.toHours() + " h";
    }

    /**
     * The earliest instant at or after {@code notBefore} when the message may be sent, for schedulers.
     *
     * @param recipient the recipient
     * @param notBefore the earliest the scheduler would send
     * @param kind what the message is for
     * @return the instant; empty if the recipient cannot be located, no rule covers its country, or nothing
     *         is permitted within about two years; {@link #decide} says why
     */
    public Optional<Instant> earliestPermitted(Recipient recipient, Instant notBefore, MessageKind kind) {
        return decide(recipient, notBefore, kind).nextPermitted();
    }

    private Plan plan(Recipient recipient, MessageKind kind) {
        Plan[] byKind = plans.get(recipient);
        if (byKind == null) {
            if (plans.size() >= CACHE_LIMIT) {
                plans.clear();
            }
            byKind = plans.computeIfAbsent(recipient, r -> new Plan[KINDS.length]);
        }
        Plan plan = byKind[kind.ordinal()];
        if (plan == null) {
            plan = compilePlan(resolver.resolve(recipient), kind);
            byKind[kind.ordinal()] = plan;
        }
        return plan;
    }

    private Plan compilePlan(ResolvedRecipient resolved, MessageKind kind) {
        if (!resolved.isLocated()) {
            return new Plan(resolved, kind, List.of(), List.of(), null,
                    "the recipient cannot be located: " + resolved.failure().orElseThrow());
        }
        List<CandidateLocation> locations = resolved.candidates();
        List<List<ContactWindowRule>> rules = new ArrayList<>();
        Map<List<Object>, CandidateRules> distinct = new LinkedHashMap<>();
        for (CandidateLocation location : locations) {
            Optional<String> notCovered = ruleSet.whyNotCovered(location.jurisdiction());
            if (notCovered.isPresent()) {
                return new Plan(resolved, kind, locations, List.of(), null, notCovered.get() + ", where the recipient"
                        + " may be (" + location.describe() + "), so what applies there is unknown; add a rule pack for"
                        + " it, or a rule that declares no contact hours (window mon-sun 00:00-24:00) with its citation,"
                        + " or widen the policy. Rule set: " + ruleSet.version());
            }
            List<ContactWindowRule> applicable = ruleSet.rulesFor(location.jurisdiction(), kind);
            rules.add(applicable);
            List<Object> key = new ArrayList<>();
            key.add(location.zone().getId());
            key.addAll(applicable);
            distinct.computeIfAbsent(key, k -> new CandidateRules(new ZoneTimeline(location.zone()), applicable));
        }
        List<Object> scheduleKey = new ArrayList<>(distinct.keySet());
        Schedule schedule = schedules.computeIfAbsent(scheduleKey,
                key -> new Schedule(new ArrayList<>(distinct.values())));
        return new Plan(resolved, kind, locations, rules, schedule, null);
    }

    List<CandidateDecision> explainCandidates(Plan plan, Instant instant) {
        List<CandidateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < plan.locations().size() && i < plan.rules().size(); i++) {
            CandidateLocation location = plan.locations().get(i);
            List<ContactWindowRule> rules = plan.rules().get(i);
            ZoneTimeline timeline = new ZoneTimeline(location.zone());
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(timeline.offsetAt(instant.getEpochSecond()));
            LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
            LocalDate date = local.toLocalDate();
            List<ContactWindowRule> inEffect = rules.stream().filter(rule -> rule.isInEffectOn(date)).toList();
            List<DailyWindow> windows = new CandidateRules(timeline, inEffect).dailyWindowsOn(date);
            List<ContactWindowRule> blocking = new ArrayList<>();
            for (ContactWindowRule rule : inEffect) {
                boolean open = !rule.closedEveryDay()
                        && rule.windowsOn(date).stream().anyMatch(window -> window.contains(local.toLocalTime()));
                if (!open) {
                    blocking.add(rule);
                }
            }
            boolean permitted = blocking.isEmpty();
            decisions.add(new CandidateDecision(location, local, offset, windows, inEffect, blocking, permitted,
                    explainCandidate(location, local, windows, inEffect, blocking)));
        }
        return List.copyOf(decisions);
    }

    private static String explainCandidate(CandidateLocation location, LocalDateTime local, List<DailyWindow> windows,
                                           List<ContactWindowRule> inEffect, List<ContactWindowRule> blocking) {
        String where = location.jurisdiction() + " in " + location.zone().getId() + ": local time " + local.withNano(0)
                + " (" + DayNames.english(local.getDayOfWeek()) + ")";
        if (inEffect.isEmpty()) {
            return where + " is not restricted: no rule in effect covers this message kind there";
        }
        if (blocking.isEmpty()) {
            return where + " is inside " + windowsText(windows) + " under " + citations(inEffect);
        }
        StringBuilder text = new StringBuilder(where);
        for (int i = 0; i < blocking.size(); i++) {
            ContactWindowRule rule = blocking.get(i);
            text.append(i == 0 ? " is " : "; and ");
            Optional<String> closure = rule.closureOn(local.toLocalDate());
            if (closure.isPresent()) {
                text.append(closure.get().replaceFirst("^closed", "on a day closed"));
            } else {
                text.append("outside ").append(windowsText(rule.windowsOn(local.toLocalDate())));
            }
            text.append(" under ").append(rule.regulation().describe());
        }
        return text.toString();
    }

    String explain(Decision decision, Plan plan, String failure) {
        String head = (decision.permitted() ? "permitted: " : "not permitted: ") + decision.kind() + " message to "
                + decision.recipient().maskedNumber() + " at " + decision.instant();
        if (failure != null) {
            return head + ": " + failure;
        }
        List<CandidateDecision> candidates = decision.candidates();
        StringBuilder text = new StringBuilder(head);
        if (decision.permitted()) {
            text.append(": every candidate permits it (").append(candidates.size()).append(candidates.size() == 1
                    ? " candidate)" : " candidates)");
            candidates.stream().findFirst().ifPresent(first -> text.append("; ").append(first.explanation()));
            decision.permittedUntil().ifPresent(until -> text.append("; permitted until ").append(until));
            return text.toString();
        }
        List<CandidateDecision> blocking = decision.blockingCandidates();
        List<CapDecision> capsReached = decision.caps().stream().filter(cap -> !cap.permitted()).toList();
        text.append(": ");
        for (int i = 0; i < blocking.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(blocking.get(i).explanation());
        }
        for (int i = 0; i < capsReached.size(); i++) {
            text.append(i == 0 && blocking.isEmpty() ? "" : "; ").append(capsReached.get(i).explanation());
        }
        if (blocking.isEmpty() && capsReached.isEmpty()) {
            text.append("no single candidate blocks it at this instant, but their windows do not all overlap");
        }
        if (decision.nextPermitted().isPresent()) {
            Instant next = decision.nextPermitted().get();
            text.append("; next permitted ").append(next);
            if (!plan.locations().isEmpty()) {
                CandidateLocation first = blocking.isEmpty() ? plan.locations().get(0) : blocking.get(0).location();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(new ZoneTimeline(first.zone()).offsetAt(next.getEpochSecond()));
                text.append(" (").append(LocalDateTime.ofEpochSecond(next.getEpochSecond(), 0, offset)).append(" in ")
                        .append(first.zone().getId()).append(')');
            }
        } else {
            text.append("; no permitted time within about two years");
        }
        return text.toString();
    }

    private static String windowsText(List<DailyWindow> windows) {
        if (windows.isEmpty()) {
            return "no window (the day is closed)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            text.append(i == 0 ? "" : " and ").append(windows.get(i));
        }
        return text.toString();
    }

    private static String citations(List<ContactWindowRule> rules) {
        StringBuilder text = new StringBuilder();
        for (ContactWindowRule rule : rules) {
            text.append(text.length() == 0 ? "" : ", ").append(rule.regulation().citation());
        }
        return text.toString();
    }
}
