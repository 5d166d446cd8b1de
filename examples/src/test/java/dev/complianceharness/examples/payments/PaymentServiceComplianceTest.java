package dev.complianceharness.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.payments.compliance.MarketplacePayments;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentHarness;
import dev.complianceharness.payments.testing.PaymentRecorder;
import dev.complianceharness.payments.testing.RecordedPayments;
import dev.complianceharness.property.ReportProperties;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The tests the payments team writes for its service: generated requests on PostgreSQL, and a hand-written scenario. */
@DisplayName("The payment service")
@ReportProperties
class PaymentServiceComplianceTest {

    private static PaymentHarness harness(EmbeddedPaymentDatabase database) {
        return PaymentHarness.forAdapter(clock -> {
            database.reset();
            return new PaymentServiceHarnessAdapter(new JdbcPaymentService(database.dataSource(), clock));
        });
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class OnPostgres {

        @Test
        @DisplayName("keeps every payment invariant over generated request sequences in USD, JPY and KWD")
        void generatedSequences() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database).currencies("USD", "JPY", "KWD").tries(100).checkSequences();
            }
        }

        @Test
        @DisplayName("answers concurrent requests as some sequential order would")
        void concurrentRequests() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                harness(database).tries(30).checkConcurrently();
            }
        }
    }

    @Nested
    @DisplayName("of the marketplace team, on PostgreSQL, under its own lifecycle and policies")
    class Marketplace {

        private PaymentHarness marketplace(EmbeddedPaymentDatabase database) {
            return PaymentHarness.forAdapter(clock -> {
                database.reset();
                return PaymentServiceHarnessAdapter.choosingIds(JdbcPaymentService.marketplace(database.dataSource(), clock));
            }).lifecycle(MarketplacePayments.LIFECYCLE).policies(MarketplacePayments.policies()).paymentIdsChosenByService();
        }

        @Test
        @DisplayName("keeps every payment invariant, and answers as its policies say, over generated request sequences")
        void generatedSequences() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                marketplace(database).tries(100).checkSequences();
            }
        }

        @Test
        @DisplayName("answers concurrent requests as some sequential order would")
        void concurrentRequests() {
            try (EmbeddedPaymentDatabase database = EmbeddedPaymentDatabase.newSchema()) {
                marketplace(database).currencies("USD").tries(30).checkConcurrently();
            }
        }
    }

    @ComplianceTest(modules = PaymentsModule.class)
    @Nested
    @DisplayName("in a hand-written scenario")
    class Scenario {

        @Test
        @DisplayName("captures in parts, refunds and answers a retry with the first result")
        void multicaptureRefundAndRetry(PaymentRecorder recorder, TestClock clock) {
            RecordedPayments payments = recorder.record(new PaymentServiceHarnessAdapter(new InMemoryPaymentService(clock)));

            payments.apply(PaymentRequest.authorize("order-17", Money.of(5000, "USD"), "a-17"));
            payments.apply(PaymentRequest.capture("order-17", Money.of(2000, "USD"), "c-17-1"));
            clock.advance(Duration.ofDays(1));
            payments.apply(PaymentRequest.finalCapture("order-17", Money.of(2500, "USD"), "c-17-2"));
            payments.apply(PaymentRequest.refund("order-17", Money.of(1000, "USD"), "r-17-1"));
            payments.apply(PaymentRequest.refund("order-17", Money.of(1000, "USD"), "r-17-1"));

            assertThat(payments.observe("order-17")).hasValueSatisfying(state -> {
                assertThat(state.status()).isEqualTo("captured");
                assertThat(state.captured()).isEqualTo(Money.of(4500, "USD"));
                assertThat(state.refunded()).isEqualTo(Money.of(1000, "USD"));
            });
        }
    }
}
