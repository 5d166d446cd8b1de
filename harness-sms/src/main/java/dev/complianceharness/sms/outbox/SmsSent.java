package dev.complianceharness.sms.outbox;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.sms.MessageKind;
import java.time.Instant;
import java.util.Objects;

/**
 * The system under test handed a text message to its SMS gateway.
 *
 * @param instant when, on the test clock
 * @param to      the recipient's number, as the application wrote it (E.164 expected)
 * @param body    the message text
 * @param kind    what kind of message it is; the contact rules depend on it
 */
public record SmsSent(Instant instant, String to, String body, MessageKind kind) implements RecordedEvent {

    /** Checks that nothing is missing. */
    public SmsSent {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
    }

    /** @return for example {@code SmsSent[MARKETING to +***********47 at 2025-06-02T12:00:00Z]}; the text is left out */
    @Override
    public String describeMasked() {
        return "SmsSent[" + kind + " to " + Masking.maskValue(to) + " at " + instant + "]";
    }
}
