package dev.complianceharness.sms.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.recipient.Recipient;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A recipient revoked consent to marketing texts, typically by replying STOP.
 *
 * @param instant when the request was received, on the test clock
 * @param from    the number that opted out
 * @param keyword what the recipient wrote, such as {@code "STOP"}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record OptOutReceived(Instant instant, @Pii(PiiKind.PHONE) String from, String keyword) implements RecordedEvent {

    /** Checks that nothing is missing. */
    public OptOutReceived {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(keyword, "keyword");
    }

    /** @return for example {@code OptOutReceived[STOP from <phone +1 305 …47 #3f2a> at 2025-06-02T12:00:00Z]} */
    @Override
    public String describeMasked() {
        return "OptOutReceived[" + Redaction.redact(keyword) + " from " + Recipient.maskedNumber(from) + " at " + instant + "]";
    }
}
