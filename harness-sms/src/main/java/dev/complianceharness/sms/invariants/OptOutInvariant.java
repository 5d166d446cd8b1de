package dev.complianceharness.sms.invariants;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.OptOutReceived;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-out check: after a STOP, no marketing text and at most one confirmation, in recording order. Numbers are
 * compared as parsed E.164 with the policy's default region; an opt-out whose number cannot be read is reported,
 * since the texts it blocks cannot be told.
 */
final class OptOutInvariant {

    private OptOutInvariant() {
    }

    static List<Finding> findings(EventTrace trace, String defaultRegion) {
        List<Finding> findings = new ArrayList<>();
        Map<String, OptOutReceived> optedOut = new HashMap<>();
        List<OptOutReceived> unreadable = new ArrayList<>();
        Map<String, SmsSent> confirmed = new HashMap<>();
        for (RecordedEvent event : trace.events()) {
            if (event instanceof OptOutReceived optOut) {
                Optional<String> number = PhoneNumbers.e164(optOut.from(), defaultRegion);
                if (number.isPresent()) {
                    optedOut.putIfAbsent(number.get(), optOut);
                } else {
                    unreadable.add(optOut);
                    findings.add(Finding.of("an opt-out (" + optOut.keyword() + " received " + optOut.instant()
                            + ") came from " + Recipient.maskedNumber(optOut.from()) + ", which cannot be read as a phone"
                            + " number (default region " + defaultRegion + "), so the texts it stops cannot be told;"
                            + " record the number as the gateway received it", optOut));
                }
            } else if (event instanceof SmsSent sent && sent.kind() == MessageKind.MARKETING) {
                Optional<String> number = PhoneNumbers.e164(sent.to(), defaultRegion);
                OptOutReceived optOut = number.map(optedOut::get).orElse(null);
                if (optOut != null) {
                    findings.add(Finding.of("marketing text sent " + sent.instant() + " after the recipient opted out ("
                            + optOut.keyword() + " received " + optOut.instant() + ")", optOut, sent));
                } else if (number.isEmpty() && (!optedOut.isEmpty() || !unreadable.isEmpty())) {
                    findings.add(Finding.of("marketing text sent " + sent.instant() + " to a number that cannot be read"
                            + " (default region " + defaultRegion + "), after opt-outs were received: whether it"
                            + " reached a recipient who opted out cannot be told", sent));
                }
            } else if (event instanceof SmsSent confirmation && confirmation.kind() == MessageKind.OPT_OUT_CONFIRMATION) {
                String number = PhoneNumbers.key(confirmation.to(), defaultRegion);
                SmsSent first = confirmed.putIfAbsent(number, confirmation);
                if (first != null) {
                    findings.add(Finding.of("a second opt-out confirmation sent " + confirmation.instant()
                            + "; only one confirmation is allowed after an opt-out", first, confirmation));
                }
            }
        }
        return findings;
    }
}
