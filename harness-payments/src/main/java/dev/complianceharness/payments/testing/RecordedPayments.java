package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentOperation;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.policy.AuthorizationExpiry;
import dev.complianceharness.payments.testing.internal.RememberingAdapter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A team's adapter with recording: {@link #apply(PaymentRequest)} sends a request, reads the payment's
 * state before and after, and records an {@link OperationRecorded}. Expiry requests move the test clock
 * past the authorization validity and let the adapter run its expiry.
 *
 * <p>Payments are called by the ids the test (or the harness) gives them. A service that chooses its own ids
 * answers an authorization with {@link OperationResult#authorized(String)}; from then on the adapter receives
 * the service's id for that payment, and the states it reads back are recorded under the test's id.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RecordedPayments {

    private static final Duration PAST_VALIDITY = Duration.ofSeconds(1);

    private final PaymentServiceAdapter adapter;
    private final Consumer<? super RecordedEvent> recorder;
    private final TestClock clock;
    private final AuthorizationExpiry expiry;
    private final boolean idsChosenByService;
    private final Map<String, String> serviceIds = new ConcurrentHashMap<>();

    /**
     * Records into a trace, with authorizations expiring after 7 days.
     *
     * @param adapter the team's adapter
     * @param trace   where the events go
     * @param clock   the test clock the service reads
     */
    public RecordedPayments(PaymentServiceAdapter adapter, EventTrace trace, TestClock clock) {
        this(adapter, Objects.requireNonNull(trace, "trace")::record, clock, AuthorizationExpiry.after(Duration.ofDays(7)));
    }

    /**
     * Records into a trace.
     *
     * @param adapter the team's adapter
     * @param trace   where the events go
     * @param clock   the test clock the service reads
     * @param expiry  the service's authorization expiry, which an expiry request moves the clock past
     */
    public RecordedPayments(PaymentServiceAdapter adapter, EventTrace trace, TestClock clock, AuthorizationExpiry expiry) {
        this(adapter, Objects.requireNonNull(trace, "trace")::record, clock, expiry);
    }

    /**
     * Records into whatever keeps the events (the generated runs keep their own list).
     *
     * @param adapter  the team's adapter
     * @param recorder receives each event, possibly from several threads at once in a concurrent run
     * @param clock    the test clock the service reads
     * @param expiry   the service's authorization expiry, which an expiry request moves the clock past
     */
    public RecordedPayments(PaymentServiceAdapter adapter, Consumer<? super RecordedEvent> recorder, TestClock clock,
                            AuthorizationExpiry expiry) {
        this(adapter, recorder, clock, expiry, false);
    }

    /**
     * Records into whatever keeps the events, for a service that may choose the ids of new payments.
     *
     * @param adapter            the team's adapter
     * @param recorder           receives each event, possibly from several threads at once in a concurrent run
     * @param clock              the test clock the service reads
     * @param expiry             the service's authorization expiry, which an expiry request moves the clock past
     * @param idsChosenByService true if the service chooses payment ids: the adapter is then never asked about the
     *                           test's own id of a payment not authorized yet
     */
    public RecordedPayments(PaymentServiceAdapter adapter, Consumer<? super RecordedEvent> recorder, TestClock clock,
                            AuthorizationExpiry expiry, boolean idsChosenByService) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.idsChosenByService = idsChosenByService;
    }

    /**
     * Sends a request and records it with the payment's state before and after.
     *
     * @param request the request
     * @return the service's answer
     * @throws AdapterFailure if the adapter throws, naming the request, or reports an authorization that the
     *                        service then does not know
     */
    public OperationResult apply(PaymentRequest request) {
        boolean unknownToService = idsChosenByService && !serviceIds.containsKey(request.paymentId());
        PaymentState before = unknownToService ? null : read(request.paymentId(), request);
        OperationResult result = send(request);
        PaymentState after = read(request.paymentId(), request);
        if (request.operation() == PaymentOperation.EXPIRE) {
            result = Objects.equals(before, after) ? OperationResult.rejected("nothing to expire")
                    : OperationResult.succeeded("");
        } else if (request.operation() == PaymentOperation.AUTHORIZE && result.succeeded() && after == null) {
            throw new AdapterFailure("The adapter " + adapterName() + " answered "
                    + Masking.mask(request.describe()) + " with " + Masking.mask(result.describe()) + ", but then found"
                    + " no payment " + Masking.mask(serviceIdOrOwn(request.paymentId())) + ": if the service chooses its own"
                    + " payment ids, return OperationResult.authorized(id) from authorize(...)", null);
        }
        recorder.accept(new OperationRecorded(clock.instant(), request, result, before, after));
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
        recorder.accept(new OperationRecorded(clock.instant(), request, result, null, null, true));
        return result;
    }

    /**
     * Reads and records a payment's state, if the service knows the payment.
     *
     * @param paymentId the payment, by the test's id
     * @return its state, under the test's id
     */
    public Optional<PaymentState> observe(String paymentId) {
        Optional<PaymentState> state = Optional.ofNullable(read(paymentId, null));
        state.ifPresent(seen -> recorder.accept(new PaymentObserved(clock.instant(), seen)));
        return state;
    }

    /**
     * Reads a payment's state without recording it.
     *
     * @param paymentId the payment, by the test's id
     * @return its state, under the test's id
     * @throws AdapterFailure if the adapter throws
     */
    public Optional<PaymentState> peek(String paymentId) {
        return Optional.ofNullable(read(paymentId, null));
    }

    /** @return the adapter behind the recording */
    public PaymentServiceAdapter adapter() {
        return adapter;
    }

    /** @return the authorization expiry an expiry request moves the clock past */
    public AuthorizationExpiry expiry() {
        return expiry;
    }

    /**
     * @param paymentId the test's id of a payment
     * @return the id the service chose for it, if it chose one
     */
    public Optional<String> serviceId(String paymentId) {
        return Optional.ofNullable(serviceIds.get(paymentId));
    }

    private String adapterName() {
        return (adapter instanceof RememberingAdapter remembering ? remembering.wrapped() : adapter).getClass().getName();
    }

    private String serviceIdOrOwn(String paymentId) {
        return serviceIds.getOrDefault(paymentId, paymentId);
    }

    private OperationResult send(PaymentRequest request) {
        String id = serviceIdOrOwn(request.paymentId());
        OperationResult result;
        try {
            result = switch (request.operation()) {
                case AUTHORIZE -> adapter.authorize(id, request.amount(), request.idempotencyKey());
                case CAPTURE -> adapter.capture(id, request.amount(), false, request.idempotencyKey());
                case FINAL_CAPTURE -> adapter.capture(id, request.amount(), true, request.idempotencyKey());
                case REFUND -> adapter.refund(id, request.amount(), request.idempotencyKey());
                case CANCEL -> adapter.cancel(id, request.idempotencyKey());
                case EXPIRE -> {
                    if (expiry.validity().isEmpty()) {
                        yield OperationResult.rejected("authorizations do not expire");
                    }
                    clock.advance(expiry.validity().get().plus(PAST_VALIDITY));
                    adapter.expireAuthorizations();
                    yield OperationResult.succeeded("");
                }
            };
        } catch (RuntimeException e) {
            throw new AdapterFailure("The adapter " + adapterName() + " threw on "
                    + Masking.mask(request.describe()) + ": " + e + "; map the service's refusals to"
                    + " OperationResult.rejected(...) and let only real failures throw", e);
        }
        if (result == null) {
            throw new AdapterFailure("The adapter " + adapterName() + " returned null for "
                    + Masking.mask(request.describe()) + ": return an OperationResult", null);
        }
        if (request.operation() == PaymentOperation.AUTHORIZE) {
            result.assignedPaymentId().ifPresent(assigned -> serviceIds.putIfAbsent(request.paymentId(), assigned));
        }
        return result;
    }

    private PaymentState read(String paymentId, PaymentRequest during) {
        String id = serviceIdOrOwn(paymentId);
        try {
            PaymentState state = adapter.state(id).orElse(null);
            return state == null ? null : state.withPaymentId(paymentId);
        } catch (RuntimeException e) {
            boolean beforeAuthorization = during != null && during.operation() == PaymentOperation.AUTHORIZE
                    && !serviceIds.containsKey(paymentId);
            throw new AdapterFailure("The adapter " + adapterName() + " could not read payment "
                    + Masking.mask(id) + (during == null ? "" : " around " + Masking.mask(during.describe()))
                    + ": " + e + (beforeAuthorization ? "; answer Optional.empty() for an id the service does not know,"
                    + " and if the service chooses its own payment ids, tell the harness with"
                    + " .paymentIdsChosenByService()" : ""), e);
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
