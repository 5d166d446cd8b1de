package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The state of a payment as the harness read it at one moment, for instance after the branches of a
 * concurrent run joined.
 *
 * @param instant the test clock's instant
 * @param state   the payment's state
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PaymentObserved(Instant instant, PaymentState state) implements RecordedEvent {

    /** Checks that nothing is missing. */
    public PaymentObserved {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String describeMasked() {
        return Masking.mask("observed " + state.describe());
    }
}
