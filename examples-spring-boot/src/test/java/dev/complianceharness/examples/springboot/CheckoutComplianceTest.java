package dev.complianceharness.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.payments.PaymentService;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentRecorder;
import dev.complianceharness.payments.testing.RecordedPayments;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payments team's tests of the shop's payment service bean, on the embedded PostgreSQL the test configuration
 * gives the shop, with every payment invariant checked over what each test asked.
 */
@ShopTest
@ComplianceTest(modules = PaymentsModule.class)
@DisplayName("The shop's payment service, as a Spring bean on PostgreSQL")
class CheckoutComplianceTest {

    /** The bean's tables are shared by the tests of one context: each test's orders have their own numbers. */
    private static final AtomicInteger ORDERS = new AtomicInteger(100);

    @Autowired
    PaymentService payments;

    @Test
    @DisplayName("captures in parts, refunds and answers a retry with the first result")
    void multicaptureRefundAndRetry(PaymentRecorder recorder, TestClock clock) {
        RecordedPayments recorded = recorder.record(new PaymentServiceHarnessAdapter(payments));
        String order = "order-" + ORDERS.incrementAndGet();

        recorded.apply(PaymentRequest.authorize(order, Money.of(5000, "USD"), order + "-a"));
        recorded.apply(PaymentRequest.capture(order, Money.of(2000, "USD"), order + "-c1"));
        clock.advance(Duration.ofDays(1));
        recorded.apply(PaymentRequest.finalCapture(order, Money.of(2500, "USD"), order + "-c2"));
        recorded.apply(PaymentRequest.refund(order, Money.of(1000, "USD"), order + "-r1"));
        recorded.apply(PaymentRequest.refund(order, Money.of(1000, "USD"), order + "-r1"));

        assertThat(recorded.observe(order)).hasValueSatisfying(state -> {
            assertThat(state.captured()).isEqualTo(Money.of(4500, "USD"));
            assertThat(state.refunded()).isEqualTo(Money.of(1000, "USD"));
        });
    }

    @Test
    @DisplayName("refuses to refund more than was captured")
    void refundsNoMoreThanCaptured(PaymentRecorder recorder) {
        RecordedPayments recorded = recorder.record(new PaymentServiceHarnessAdapter(payments));
        String order = "order-" + ORDERS.incrementAndGet();

        recorded.apply(PaymentRequest.authorize(order, Money.of(5000, "USD"), order + "-a"));
        recorded.apply(PaymentRequest.finalCapture(order, Money.of(5000, "USD"), order + "-c"));
        recorded.apply(PaymentRequest.refund(order, Money.of(3000, "USD"), order + "-r1"));
        recorded.apply(PaymentRequest.refund(order, Money.of(3000, "USD"), order + "-r2"));

        assertThat(recorded.observe(order)).hasValueSatisfying(state ->
                assertThat(state.refunded()).isEqualTo(Money.of(3000, "USD")));
    }
}
