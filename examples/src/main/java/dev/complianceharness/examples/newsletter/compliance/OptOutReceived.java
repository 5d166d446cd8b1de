package dev.complianceharness.examples.newsletter.compliance;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.time.Instant;

/**
 * A recipient asked not to receive commercial e-mail any more.
 *
 * @param instant   when the request was received, on the test clock
 * @param recipient the recipient's address
 */
public record OptOutReceived(Instant instant, @Pii(PiiKind.EMAIL) String recipient) implements RecordedEvent {

    @Override
    public String describeMasked() {
        return "OptOutReceived[" + Redaction.token(PiiKind.EMAIL, recipient) + " at " + instant + "]";
    }
}
