package dev.complianceharness.sms.invariants;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A state's cap on marketing texts: at most {@code limit} to one recipient in any rolling period (the period is
 * half-open, so a text exactly 24 hours after another starts a new one).
 *
 * @param regulation the law that sets the cap; its jurisdiction is where it applies
 * @param kinds      the message kinds counted
 * @param limit      how many texts a period may hold
 * @param period     the rolling period
 */
record FrequencyCap(Regulation regulation, Set<MessageKind> kinds, int limit, Duration period) {

    FrequencyCap {
        Objects.requireNonNull(regulation, "regulation");
        Objects.requireNonNull(period, "period");
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A frequency cap needs a limit of at least 1 and a positive period, not "
                    + limit + " per " + period);
        }
    }

    Jurisdiction jurisdiction() {
        return regulation.jurisdiction();
    }

    /**
     * @param jurisdictionsOf the candidate jurisdictions of a recipient (its number and known facts); empty for one
     *                        that cannot be located, which is treated as capped (fail closed)
     */
    List<Finding> findings(EventTrace trace, Function<Recipient, Set<Jurisdiction>> jurisdictionsOf, String defaultRegion) {
        Map<String, List<SmsSent>> byRecipient = new LinkedHashMap<>();
        for (SmsSent sent : trace.events(SmsSent.class)) {
            if (kinds.contains(sent.kind()) && regulation.isInEffectOn(LocalDate.ofInstant(sent.instant(), ZoneOffset.UTC))) {
                byRecipient.computeIfAbsent(PhoneNumbers.key(sent.to(), defaultRegion), number -> new ArrayList<>()).add(sent);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<SmsSent> texts : byRecipient.values()) {
            if (!capped(texts, jurisdictionsOf)) {
                continue;
            }
            texts.sort(Comparator.comparing(SmsSent::instant));
            int reportedUpTo = -1;
            for (int first = 0; first + limit < texts.size(); first++) {
                int over = first + limit;
                if (over > reportedUpTo && texts.get(over).instant().isBefore(texts.get(first).instant().plus(period))) {
                    findings.add(Finding.of("marketing text " + (limit + 1) + " within " + describe(period) + " to a "
                            + jurisdiction() + " recipient: sent " + texts.get(over).instant() + ", the first of them "
                            + texts.get(first).instant() + "; the cap is " + limit,
                            texts.subList(first, over + 1)));
                    reportedUpTo = over;
                }
            }
        }
        return findings;
    }

    private boolean capped(List<SmsSent> texts, Function<Recipient, Set<Jurisdiction>> jurisdictionsOf) {
        Set<Recipient> seen = new HashSet<>();
        for (SmsSent text : texts) {
            if (seen.add(text.recipient())) {
                Set<Jurisdiction> candidates = jurisdictionsOf.apply(text.recipient());
                if (candidates.isEmpty() || candidates.contains(jurisdiction())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Duration period) {
        return period.toHours() + " h";
    }
}
