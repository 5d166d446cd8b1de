package dev.complianceharness.sms.decision;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.rules.FrequencyCapRule;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How one frequency cap judged a message, given the recipient's sending history.
 *
 * @param cap         the cap
 * @param counted     the earlier (or planned) messages that, with this one, would exceed it; empty if it permits
 * @param permitted   whether the cap permits the message at the instant asked
 * @param explanation a sentence saying why, naming the cap and its citation
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CapDecision(FrequencyCapRule cap, List<Instant> counted, boolean permitted, String explanation) {

    /** Copies the list. */
    public CapDecision {
        counted = List.copyOf(counted);
    }
}
