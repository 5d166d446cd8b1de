package dev.complianceharness.payments.invariants.internal;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.RecordedEvent;
import dev.complianceharness.payments.event.OperationRecorded;
import dev.complianceharness.payments.event.PaymentObserved;
import dev.complianceharness.payments.event.PaymentState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payment events of a trace, read once: the requests in order and every state the harness saw of
 * each payment (after a request, or observed), in order.
 *
 * @param operations the recorded requests, in order
 * @param states     per payment id, the states seen, in order, each with the event that showed it
 */
public record PaymentHistory(List<OperationRecorded> operations, Map<String, List<SeenState>> states) {

    /**
     * A state and the event that showed it.
     *
     * @param state the state
     * @param event the event it came from
     */
    public record SeenState(PaymentState state, RecordedEvent event) {
    }

    /**
     * @param trace a test's events
     * @return its payment history
     */
    public static PaymentHistory of(EventTrace trace) {
        List<OperationRecorded> operations = new ArrayList<>();
        Map<String, List<SeenState>> states = new LinkedHashMap<>();
        for (RecordedEvent event : trace.events()) {
            if (event instanceof OperationRecorded operation) {
                operations.add(operation);
                if (operation.after() != null) {
                    add(states, operation.after(), operation);
                }
            } else if (event instanceof PaymentObserved observed) {
                add(states, observed.state(), observed);
            }
        }
        return new PaymentHistory(List.copyOf(operations), states);
    }

    private static void add(Map<String, List<SeenState>> states, PaymentState state, RecordedEvent event) {
        states.computeIfAbsent(state.paymentId(), id -> new ArrayList<>()).add(new SeenState(state, event));
    }

    /** @return every state seen, payment by payment */
    public List<SeenState> allStates() {
        List<SeenState> all = new ArrayList<>();
        states.values().forEach(all::addAll);
        return all;
    }

    /**
     * Whether an operation repeats an earlier request with the same idempotency key and the same parameters.
     *
     * @param index the operation's position in {@link #operations()}
     * @return true for a retry
     */
    public boolean isRetry(int index) {
        OperationRecorded operation = operations.get(index);
        if (operation.request().idempotencyKey() == null) {
            return false;
        }
        for (int earlier = 0; earlier < index; earlier++) {
            if (operations.get(earlier).request().equals(operation.request())) {
                return true;
            }
        }
        return false;
    }
}
