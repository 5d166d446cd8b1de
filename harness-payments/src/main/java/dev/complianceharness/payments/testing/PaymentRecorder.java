package dev.complianceharness.payments.testing;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.TestClock;
import java.util.Objects;

/**
 * The recording part of the payments module: a test declares it as a parameter and wraps its adapter,
 * so every request and the payment's state around it land in the test's trace for the invariants.
 *
 * <pre>{@code
 * @Test
 * void refundsWithinCapture(PaymentRecorder recorder) {
 *     RecordedPayments payments = recorder.record(new CheckoutAdapter(service));
 *     payments.apply(PaymentRequest.authorize("pay-1", Money.of(1000, "USD"), "k1"));
 * }
 * }</pre>
 */
public final class PaymentRecorder {

    private final RecordingContext context;

    /**
     * Created by the compliance extension, one per test.
     *
     * @param context the test's trace and clock
     */
    public PaymentRecorder(RecordingContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Wraps an adapter so its requests are recorded.
     *
     * @param adapter the team's adapter
     * @return the recorded service
     */
    public RecordedPayments record(PaymentServiceAdapter adapter) {
        return new RecordedPayments(adapter, context.trace(), context.clock());
    }

    /** @return the test clock the service under test should read */
    public TestClock clock() {
        return context.clock();
    }
}
