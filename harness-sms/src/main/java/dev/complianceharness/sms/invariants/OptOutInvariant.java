package dev.complianceharness.sms.invariants;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.invariant.Finding;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.OptOutReceived;
import dev.complianceharness.sms.outbox.SmsSent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The opt-out check: after a STOP, no marketing text and at most one confirmation, in recording order. */
final class OptOutInvariant {

    private OptOutInvariant() {
    }

    static List<Finding> findings(EventTrace trace) {
        List<Finding> findings = new ArrayList<>();
        Map<String, OptOutReceived> optedOut = new HashMap<>();
        Map<String, SmsSent> confirmed = new HashMap<>();
        for (RecordedEvent event : trace.events()) {
            if (event instanceof OptOutReceived optOut) {
                optedOut.putIfAbsent(PhoneNumbers.digits(optOut.from()), optOut);
            } else if (event instanceof SmsSent sent && sent.kind() == MessageKind.MARKETING) {
                OptOutReceived optOut = optedOut.get(PhoneNumbers.digits(sent.to()));
                if (optOut != null) {
                    findings.add(Finding.of("marketing text sent " + sent.instant() + " after the recipient opted out ("
                            + optOut.keyword() + " received " + optOut.instant() + ")", optOut, sent));
                }
            } else if (event instanceof SmsSent confirmation && confirmation.kind() == MessageKind.OPT_OUT_CONFIRMATION) {
                String number = PhoneNumbers.digits(confirmation.to());
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
