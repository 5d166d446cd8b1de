package dev.complianceharness.examples.newsletter;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail the newsletter hands to its gateway.
 *
 * @param to              the recipient's address
 * @param subject         the subject line
 * @param kind            commercial (advertising) or transactional (a receipt, an account notice)
 * @param unsubscribeLink the opt-out link in the footer, if any
 */
public record Email(@Pii(PiiKind.EMAIL) String to, String subject, Kind kind, Optional<URI> unsubscribeLink) {

    /** What CAN-SPAM calls the primary purpose of the message. */
    public enum Kind {
        /** Advertises a product or service; CAN-SPAM's opt-out rules apply. */
        COMMERCIAL,
        /** Completes a transaction the recipient agreed to; exempt from the opt-out rules. */
        TRANSACTIONAL
    }

    /** Checks that nothing is missing. */
    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unsubscribeLink, "unsubscribeLink");
    }
}
