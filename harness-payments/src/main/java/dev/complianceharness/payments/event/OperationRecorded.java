package dev.complianceharness.payments.event;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.mask.Masking;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A request the harness sent to the team's payment service, what the service answered, and the
 * payment's state just before and after. In concurrent runs the states around one request are not
 * meaningful (other requests interleave), so they are absent; a {@link PaymentObserved} after the
 * branches join carries the state then.
 *
 * @param instant    the test clock's instant when the request was sent
 * @param request the request
 * @param result  the service's answer
 * @param before  the payment's state before the request; null if it did not exist yet or in a concurrent run
 * @param after      the payment's state after the request; null if it does not exist or in a concurrent run
 * @param concurrent true if the request ran in parallel with others, so that the order of the recorded
 *                   requests is not the order the service saw them in
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record OperationRecorded(Instant instant, PaymentRequest request, OperationResult result,
                                PaymentState before, PaymentState after, boolean concurrent) implements RecordedEvent {

    /** Checks that nothing is missing, and that a concurrent request has no states around it. */
    public OperationRecorded {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        if (concurrent && (before != null || after != null)) {
            throw new IllegalArgumentException("A concurrent request has no meaningful states around it; record"
                    + " PaymentObserved events after the branches join instead");
        }
    }

    /**
     * A request sent in a sequential run, with the states around it.
     *
    * @param instant    the test clock's instant when the request was sent
     * @param request the request
     * @param result  the service's answer
     * @param before  the payment's state before; null if it did not exist yet
     * @param after   the payment's state after; null if it does not exist
     */
    public OperationRecorded(Instant instant, PaymentRequest request, OperationResult result, PaymentState before,
                             PaymentState after) {
        this(instant, request, result, before, after, false);
    }

    /** @return the state before, if recorded and the payment existed */
    public Optional<PaymentState> stateBefore() {
        return Optional.ofNullable(before);
    }

    /** @return the state after, if recorded and the payment exists */
    public Optional<PaymentState> stateAfter() {
        return Optional.ofNullable(after);
    }

    @Override
    public String describeMasked() {
        return Masking.mask(request.describe() + " → " + result.describe()
                + (after == null ? "" : " → " + after.describe()));
    }
}
