package dev.complianceharness.sms.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.recipient.CandidateLocation;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How one candidate location judged a message: the local time there, the windows left by the rules in
 * effect that day, and the rules that block it.
 *
 * @param location the candidate jurisdiction and zone
 * @param localTime the wall-clock time in the candidate's zone at the message's instant
 * @param offset the zone's UTC offset then
 * @param windows the permitted windows on that local date (the intersection of every rule in effect);
 *                empty if the day is closed
 * @param rules the rules in effect there that day, for the message kind
 * @param blockingRules the rules among them that do not permit the local time
 * @param permitted whether this candidate permits the message
 * @param explanation a sentence saying why, naming the rule and citation that decided it
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CandidateDecision(CandidateLocation location, LocalDateTime localTime, ZoneOffset offset,
                                List<DailyWindow> windows, List<ContactWindowRule> rules,
                                List<ContactWindowRule> blockingRules, boolean permitted, String explanation) {

    /** Copies the lists. */
    public CandidateDecision {
        windows = List.copyOf(windows);
        rules = List.copyOf(rules);
        blockingRules = List.copyOf(blockingRules);
    }
}
