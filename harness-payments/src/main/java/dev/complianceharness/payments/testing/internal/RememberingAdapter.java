package dev.complianceharness.payments.testing.internal;

import dev.complianceharness.payments.event.OperationResult;
import dev.complianceharness.payments.event.PaymentState;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentServiceAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The team's adapter in a sequential generated run, where nothing but the run's own requests changes the
 * service between two steps: the state read after one request is the state before the next on that payment,
 * so it is read once. Any request on a payment forgets what was read of it; an expiry forgets everything. Not
 * for concurrent runs. The run closes the team's adapter itself.
 */
public final class RememberingAdapter implements PaymentServiceAdapter {

    private final PaymentServiceAdapter adapter;
    private final Map<String, Optional<PaymentState>> read = new HashMap<>();

    /** @param adapter the team's adapter */
    public RememberingAdapter(PaymentServiceAdapter adapter) {
        this.adapter = adapter;
    }

    /** @return the team's adapter */
    public PaymentServiceAdapter wrapped() {
        return adapter;
    }

    @Override
    public OperationResult authorize(String paymentId, Money amount, String idempotencyKey) {
        read.remove(paymentId);
        OperationResult result = adapter.authorize(paymentId, amount, idempotencyKey);
        if (result != null) {
            result.assignedPaymentId().ifPresent(read::remove);
        }
        return result;
    }

    @Override
    public OperationResult capture(String paymentId, Money amount, boolean finalCapture, String idempotencyKey) {
        read.remove(paymentId);
        return adapter.capture(paymentId, amount, finalCapture, idempotencyKey);
    }

    @Override
    public OperationResult refund(String paymentId, Money amount, String idempotencyKey) {
        read.remove(paymentId);
        return adapter.refund(paymentId, amount, idempotencyKey);
    }

    @Override
    public OperationResult cancel(String paymentId, String idempotencyKey) {
        read.remove(paymentId);
        return adapter.cancel(paymentId, idempotencyKey);
    }

    @Override
    public void expireAuthorizations() {
        read.clear();
        adapter.expireAuthorizations();
    }

    @Override
    public Optional<PaymentState> state(String paymentId) {
        Optional<PaymentState> known = read.get(paymentId);
        if (known == null) {
            known = adapter.state(paymentId);
            read.put(paymentId, known == null ? Optional.empty() : known);
        }
        return known;
    }

    @Override
    public String toString() {
        return adapter.toString();
    }
}
