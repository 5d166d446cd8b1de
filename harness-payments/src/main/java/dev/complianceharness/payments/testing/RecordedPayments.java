package dev.complianceharness.payments.testing;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A team's adapter with recording: {@link #apply(PaymentRequest)} sends a request, reads the payment's
 * state before and after, and records an {@link OperationRecorded}. Expiry requests move the test clock
 * past the authorization validity and let the adapter run its expiry.
 */
public final class RecordedPayments {

    private static final Duration PAST_VALIDITY = Duration.ofSeconds(1);

    private final PaymentServiceAdapter adapter;
    private final EventTrace trace;
    private final TestClock clock;

    /**
     * @param adapter the team's adapter
     * @param trace   where the events go
     * @param clock   the test clock the service reads
     */
    public RecordedPayments(PaymentServiceAdapter adapter, EventTrace trace, TestClock clock) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends a request and records it with the payment's state before and after.
     *
     * @param request the request
     * @return the service's answer
     * @throws AdapterFailure if the adapter throws, naming the request
     */
    public OperationResult apply(PaymentRequest request) {
        PaymentState before = read(request.paymentId(), request);
        OperationResult result = send(request);
        PaymentState after = read(request.paymentId(), request);
        if (request.operation() == PaymentOperation.EXPIRE) {
            result = Objects.equals(before, after) ? OperationResult.rejected("nothing to expire")
                    : OperationResult.succeeded("");
        }
        trace.record(new OperationRecorded(clock.instant(), request, result, before, after));
        return result;
    }

    /**
     * Sends a request from one branch of a concurrent run: the states around it would show other branches'
     * effects, so none are recorded; {@link #observe(String)} after the branches join.
     *
     * @param request the request
     * @return the service's answer
     * @throws AdapterFailure if the adapter throws, naming the request
     */
    public OperationResult applyConcurrently(PaymentRequest request) {
        OperationResult result = send(request);
        trace.record(new OperationRecorded(clock.instant(), request, result, null, null, true));
        return result;
    }

    /**
     * Reads and records a payment's state, if the service knows the payment.
     *
     * @param paymentId the payment
     * @return its state
     */
    public Optional<PaymentState> observe(String paymentId) {
        Optional<PaymentState> state = Optional.ofNullable(read(paymentId, null));
        state.ifPresent(seen -> trace.record(new PaymentObserved(clock.instant(), seen)));
        return state;
    }

    /** @return the adapter behind the recording */
    public PaymentServiceAdapter adapter() {
        return adapter;
    }

    private OperationResult send(PaymentRequest request) {
        try {
            OperationResult result = switch (request.operation()) {
                case AUTHORIZE -> adapter.authorize(request.paymentId(), request.amount(), request.idempotencyKey());
                case CAPTURE -> adapter.capture(request.paymentId(), request.amount(), false, request.idempotencyKey());
                case FINAL_CAPTURE -> adapter.capture(request.paymentId(), request.amount(), true, request.idempotencyKey());
                case REFUND -> adapter.refund(request.paymentId(), request.amount(), request.idempotencyKey());
                case CANCEL -> adapter.cancel(request.paymentId(), request.idempotencyKey());
                case EXPIRE -> {
                    clock.advance(adapter.authorizationValidity().plus(PAST_VALIDITY));
                    adapter.expireAuthorizations();
                    yield OperationResult.succeeded("");
                }
            };
            if (result == null) {
                throw new AdapterFailure("The adapter " + adapter.getClass().getName() + " returned null for "
                        + Masking.mask(request.describe()) + ": return an OperationResult", null);
            }
            return result;
        } catch (RuntimeException e) {
            if (e instanceof AdapterFailure failure) {
                throw failure;
            }
            throw new AdapterFailure("The adapter " + adapter.getClass().getName() + " threw on "
                    + Masking.mask(request.describe()) + ": " + e + "; map the service's refusals to"
                    + " OperationResult.rejected(...) and let only real failures throw", e);
        }
    }

    private PaymentState read(String paymentId, PaymentRequest during) {
        try {
            return adapter.state(paymentId).orElse(null);
        } catch (RuntimeException e) {
            throw new AdapterFailure("The adapter " + adapter.getClass().getName() + " could not read payment "
                    + Masking.mask(paymentId) + (during == null ? "" : " around " + Masking.mask(during.describe()))
                    + ": " + e, e);
        }
    }

    /** The adapter failed; not a verdict on the service's compliance, but a test that cannot go on. */
    public static final class AdapterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AdapterFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
