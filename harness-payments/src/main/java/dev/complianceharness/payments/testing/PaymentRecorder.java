package dev.complianceharness.payments.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.payments.policy.AuthorizationExpiry;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PaymentRecorder {

    private final RecordingContext context;
    private final AuthorizationExpiry expiry;

    /**
     * Created by the compliance extension, one per test, for a service whose authorizations expire after 7 days.
     *
     * @param context the test's trace and clock
     */
    public PaymentRecorder(RecordingContext context) {
        this(context, AuthorizationExpiry.after(Duration.ofDays(7)));
    }

    /**
     * Created by the compliance extension, one per test, with the module's expiry policy.
     *
     * @param context the test's trace and clock
     * @param expiry  the service's authorization expiry, which an expiry request moves the clock past
     */
    public PaymentRecorder(RecordingContext context, AuthorizationExpiry expiry) {
        this.context = Objects.requireNonNull(context, "context");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * Wraps an adapter so its requests are recorded.
     *
     * @param adapter the team's adapter
     * @return the recorded service
     */
    public RecordedPayments record(PaymentServiceAdapter adapter) {
        return new RecordedPayments(adapter, context.trace(), context.clock(), expiry);
    }

    /** @return the test clock the service under test should read */
    public TestClock clock() {
        return context.clock();
    }
}
