package dev.complianceharness.sms.decision;

import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.internal.Schedule;
import dev.complianceharness.sms.recipient.CandidateLocation;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import dev.complianceharness.sms.rules.ContactWindowRule;

import java.util.List;

/**
 * What a recipient and a message kind compile to: the candidates with their rules and the shared
 * schedule, or why there is none.
 */
record Plan(ResolvedRecipient resolved, MessageKind kind, List<CandidateLocation> locations,
            List<List<ContactWindowRule>> rules, Schedule schedule, String failure) {
}
