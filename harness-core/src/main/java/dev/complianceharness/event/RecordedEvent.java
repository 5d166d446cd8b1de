package dev.complianceharness.event;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Something the system under test did that an invariant may judge: an SMS handed to the gateway, a
 * capture sent to the payment provider, a log line written. Recording parts create events stamped with
 * the {@link TestClock}'s instant and append them to the test's {@link EventTrace}.
 *
 * <p>Events usually carry personal data (a phone number, an e-mail address). Violation messages and
 * reports never print an event's {@code toString()}; they print {@link #describeMasked()}, which an
 * event type overrides to show what helps a person act while masking what identifies a customer.
 */
@API(status = STABLE, since = "0.1.0")
public interface RecordedEvent {

    /**
     * When the event happened, on the test clock.
     *
     * @return the instant
     */
    Instant instant();

    /**
     * A description that is safe to print in build logs and reports: personal data masked.
     *
     * @return by default only the event type and instant, which can never leak personal data
     */
    default String describeMasked() {
        return getClass().getSimpleName() + " at " + instant();
    }
}
