package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.Violation;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.testing.PaymentServiceAdapter;
import dev.complianceharness.payments.testing.RecordedPayments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of generated commands against a fresh adapter: its own test clock and trace, the recorded
 * adapter, and the invariants checked over the trace. In concurrent runs requests are recorded without
 * the states around them, and the states are observed when the invariants are checked.
 */
public final class PaymentRun implements AutoCloseable {

    private final PaymentServiceAdapter adapter;
    private final EventTrace trace = new EventTrace();
    private final TestClock clock;
    private final RecordedPayments payments;
    private final List<Invariant> invariants;
    private final boolean concurrent;
    private final Set<String> paymentIds = Collections.synchronizedSet(new LinkedHashSet<>());

    /**
     * @param adapter    a fresh adapter onto a fresh service
     * @param clock      the clock the service reads
     * @param invariants the invariants to check
     * @param concurrent true when requests may run in parallel
     */
    public PaymentRun(PaymentServiceAdapter adapter, TestClock clock, List<Invariant> invariants, boolean concurrent) {
        this.adapter = adapter;
        this.clock = clock;
        this.payments = new RecordedPayments(adapter, trace, clock);
        this.invariants = List.copyOf(invariants);
        this.concurrent = concurrent;
    }

    /**
     * Sends a request and records it.
     *
     * @param request the request
     * @return the outcome, which the model judges
     */
    public OperationResult.Outcome send(PaymentRequest request) {
        paymentIds.add(request.paymentId());
        OperationResult result = concurrent ? payments.applyConcurrently(request) : payments.apply(request);
        return result.outcome();
    }

    /**
     * Checks every invariant over what the run recorded, plus the payments' states read now.
     *
     * @throws AssertionError listing every violation, masked
     */
    public void assertInvariants() {
        EventTrace snapshot = new EventTrace();
        trace.events().forEach(snapshot::record);
        if (concurrent) {
            List<String> ids;
            synchronized (paymentIds) {
                ids = new ArrayList<>(paymentIds);
            }
            for (String id : ids) {
                adapter.state(id).ifPresent(state -> snapshot.record(new PaymentObserved(clock.instant(), state)));
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (Invariant invariant : invariants) {
            violations.addAll(invariant.verify(snapshot));
        }
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (Violation violation : violations) {
                message.append(System.lineSeparator()).append(violation.invariant().id()).append(": ")
                        .append(violation.message());
            }
            throw new AssertionError(violations.size() + " payment invariant" + (violations.size() == 1 ? "" : "s")
                    + " violated:" + message);
        }
    }

    /** @return the requests recorded so far */
    public List<OperationRecorded> operations() {
        return trace.events(OperationRecorded.class);
    }

    @Override
    public void close() {
        if (adapter instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the adapter " + adapter + " failed: " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "PaymentRun[" + adapter + "]";
    }
}
