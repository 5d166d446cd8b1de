package dev.complianceharness.sms.outbox;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.util.Objects;

/**
 * The system under test confirmed an opt-out with a reply: the one text the law allows after a STOP.
 *
 * @param instant when, on the test clock
 * @param to      the number that opted out
 * @param body    the confirmation text
 */
public record OptOutConfirmationSent(Instant instant, String to, String body) implements RecordedEvent {

    /** Checks that nothing is missing. */
    public OptOutConfirmationSent {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }

    /** @return for example {@code OptOutConfirmationSent[to +***********47 at 2025-06-02T12:00:00Z]} */
    @Override
    public String describeMasked() {
        return "OptOutConfirmationSent[to " + Masking.maskValue(to) + " at " + instant + "]";
    }
}
