package dev.complianceharness.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.customerservice.SupportDesk;
import dev.complianceharness.examples.payments.PaymentService;
import dev.complianceharness.examples.payments.compliance.PaymentServiceHarnessAdapter;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.payments.PaymentsModule;
import dev.complianceharness.payments.event.PaymentRequest;
import dev.complianceharness.payments.money.Money;
import dev.complianceharness.payments.testing.PaymentRecorder;
import dev.complianceharness.payments.testing.RecordedPayments;
import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.NoPiiInLogs;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Proof that the harness, through the one line of Spring glue, catches the shop's bugs: the shop started with a
 * scheduler that reads the federal window in the server's zone, a desk that logs e-mail addresses, and a payment
 * service that checks each refund alone, each in its own application context, run in parallel.
 */
@DisplayName("The shop's bugs, started as Spring Boot applications")
class ShopBugsAreCaughtTest {

    @Test
    @DisplayName("fail the tests of the buggy shops with the harness's messages, and pass the correct shop's")
    void buggyShopsFail() {
        EngineExecutionResults results = FixtureRuns.inParallel(ServerZoneSchedulerTestCase.class, LeakyDeskTestCase.class,
                RefundsCheckedAloneTestCase.class, CorrectShopTestCase.class);

        Map<String, String> failures = results.testEvents().failed().stream().collect(Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(), ShopBugsAreCaughtTest::message, (a, b) -> a));
        assertThat(failures).as("the failed tests").containsOnlyKeys("eveningReminder(SmsOutbox, TestClock)",
                "passwordReset(CanaryCustomer)", "twoRefunds(PaymentRecorder)");
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        assertThat(failures.get("eveningReminder(SmsOutbox, TestClock)"))
                .startsWith("1 compliance violation in eveningReminder(SmsOutbox, TestClock):\n\nsms.quiet-hours.us-fl-501-616:")
                .contains("tier:       REGULATORY", "module:     sms.contact-rules");
        assertThat(failures.get("passwordReset(CanaryCustomer)"))
                .startsWith("1 compliance violation in passwordReset(CanaryCustomer):\n\npii.logs.no-canary-values:")
                .contains("  evidence:   customer #1.email, as planted, logged by"
                        + " dev.complianceharness.examples.customerservice.SupportDesk (LOGBACK INFO, thread ");
        assertThat(failures.get("twoRefunds(PaymentRecorder)"))
                .startsWith("1 compliance violation in twoRefunds(PaymentRecorder):\n\npayments.refunded-within-captured:")
                .containsPattern("why:        order-\\d+: refunded 6000 USD minor exceeds the captured 5000 USD minor");
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    @ShopTest
    @TestPropertySource(properties = "shop.sms.scheduler=SERVER_ZONE_FEDERAL_WINDOW_ONLY")
    @ComplianceTest(modules = SmsContactRulesModule.class)
    static class ServerZoneSchedulerTestCase {
        @Autowired
        CampaignScheduler scheduler;

        @Test
        void eveningReminder(dev.complianceharness.sms.outbox.SmsOutbox outbox, TestClock clock) {
            clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));
            scheduler.trigger(CartRemindersComplianceTest.MIAMI, "Your cart misses you");
            scheduler.dispatchDue();
        }
    }

    @ShopTest
    @TestPropertySource(properties = "shop.support.leak=PLAIN_EMAIL")
    @NoPiiInLogs
    static class LeakyDeskTestCase {
        @Autowired
        SupportDesk desk;

        @Test
        void passwordReset(CanaryCustomer canary) {
            desk.sendPasswordReset(SupportDeskPrivacyTest.customerFrom(canary));
        }
    }

    @ShopTest
    @TestPropertySource(properties = "shop.payments.flaw=REFUNDS_CHECKED_ONE_BY_ONE")
    @ComplianceTest(modules = PaymentsModule.class)
    static class RefundsCheckedAloneTestCase {
        /** The context, and so its tables, outlives one run of this class: each run pays a new order. */
        static final AtomicInteger ORDERS = new AtomicInteger(7);

        @Autowired
        PaymentService payments;

        @Test
        void twoRefunds(PaymentRecorder recorder) {
            RecordedPayments recorded = recorder.record(new PaymentServiceHarnessAdapter(payments));
            String order = "order-" + ORDERS.incrementAndGet();
            recorded.apply(PaymentRequest.authorize(order, Money.of(5000, "USD"), order + "-a"));
            recorded.apply(PaymentRequest.finalCapture(order, Money.of(5000, "USD"), order + "-c"));
            recorded.apply(PaymentRequest.refund(order, Money.of(3000, "USD"), order + "-r1"));
            recorded.apply(PaymentRequest.refund(order, Money.of(3000, "USD"), order + "-r2"));
        }
    }

    @ShopTest
    @ComplianceTest(modules = SmsContactRulesModule.class)
    static class CorrectShopTestCase {
        @Autowired
        CampaignScheduler scheduler;

        @Test
        void eveningReminder(dev.complianceharness.sms.outbox.SmsOutbox outbox, TestClock clock) {
            clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));
            scheduler.trigger("+13055550148", "Your cart misses you");
            clock.advance(Duration.ofHours(12));
            scheduler.dispatchDue();
        }
    }
}
