package dev.complianceharness.sms.outbox;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The system under test handed a text message to its SMS gateway.
 *
 * @param instant   when, on the test clock
 * @param recipient who it went to: the number as the application wrote it (E.164 expected) and any location facts
 *                  the application knows (an address's state, a profile time zone), which the invariants take into
 *                  account as further candidate locations
 * @param body      the message text
 * @param kind      what kind of message it is; the contact rules depend on it
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record SmsSent(Instant instant, Recipient recipient, String body, MessageKind kind) implements RecordedEvent {

    /** Checks that nothing is missing. */
    public SmsSent {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A text to a recipient known only by number.
     *
     * @param instant when, on the test clock
     * @param to      the recipient's number
     * @param body    the message text
     * @param kind    what kind of message it is
     */
    public SmsSent(Instant instant, String to, String body, MessageKind kind) {
        this(instant, Recipient.of(Objects.requireNonNull(to, "to")), body, kind);
    }

    /** @return the recipient's number exactly as given; personal data, print it only masked */
    public String to() {
        return recipient.number();
    }

    /**
     * @return for example {@code SmsSent[MARKETING to <phone +1 305 …47 #3f2a> at 2025-06-02T12:00:00Z]}, with the known location
     *         facts; the text is left out
     */
    @Override
    public String describeMasked() {
        String facts = recipient.address().map(address -> ", address " + address).orElse("")
                + recipient.profileZone().map(zone -> ", profile zone " + zone).orElse("");
        return "SmsSent[" + kind + " to " + recipient.maskedNumber() + facts + " at " + instant + "]";
    }

    // Written out rather than generated: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // on first use, about 20 ms of method-handle spinning in a fresh test JVM (issue 19). Same meaning: every component.
    @Override
    public boolean equals(Object other) {
        return other instanceof SmsSent that && instant.equals(that.instant) && recipient.equals(that.recipient)
                && body.equals(that.body) && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(instant, recipient, body, kind);
    }
}
