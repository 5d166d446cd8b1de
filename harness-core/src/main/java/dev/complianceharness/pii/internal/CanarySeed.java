package dev.complianceharness.pii.internal;

import dev.complianceharness.event.RecordedEvent;
import java.time.Instant;

/**
 * The seed a test's canaries were planted with, recorded so that a leak's message can say how to replay it.
 *
 * @param instant when the test's capture stopped
 * @param seed    the seed
 * @param planted how many canary values the test planted
 */
public record CanarySeed(Instant instant, long seed, int planted) implements RecordedEvent {

    /** @return how to replay the canaries, such as {@code canary seed 42 (replay with @NoPiiInLogs(seed = 42L) ...)} */
    public String replay() {
        return "canary seed " + seed + " (replay with @NoPiiInLogs(seed = " + seed + "L) or -D"
                + NoPiiInLogsSettings.SEED_PROPERTY + "=" + seed + ")";
    }

    @Override
    public String describeMasked() {
        return planted + " canary values planted with seed " + seed;
    }
}
