package dev.complianceharness.examples.newsletter.compliance;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.examples.newsletter.Email;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.time.Instant;

/**
 * The newsletter handed an e-mail to its gateway.
 *
 * @param instant when, on the test clock
 * @param email   the e-mail
 */
public record EmailSent(Instant instant, Email email) implements RecordedEvent {

    @Override
    public String describeMasked() {
        return "EmailSent[" + email.kind() + " \"" + email.subject() + "\" to " + Redaction.token(PiiKind.EMAIL, email.to()) + " at "
                + instant + (email.unsubscribeLink().isPresent() ? ", with unsubscribe link" : ", no unsubscribe link") + "]";
    }
}
