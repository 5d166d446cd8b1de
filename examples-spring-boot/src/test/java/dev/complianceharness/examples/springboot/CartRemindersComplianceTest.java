package dev.complianceharness.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.sms.outbox.SmsSent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The marketing team's tests of the shop's campaign scheduler, the Spring bean built on the shop's {@code Clock} bean:
 * every text is checked against quiet hours, caps and opt-outs.
 */
@ShopTest
@ComplianceTest(modules = SmsContactRulesModule.class)
@ResourceLock(CartRemindersComplianceTest.SCHEDULER)
@DisplayName("The shop's campaign scheduler, as a Spring bean")
class CartRemindersComplianceTest {

    /** The scheduler bean keeps its queue, so its tests take turns (tests of other classes still run in parallel). */
    static final String SCHEDULER = "shop.campaign-scheduler";
    static final String MIAMI = "+13055550147";

    @Autowired
    CampaignScheduler scheduler;

    @Autowired
    Clock shopClock;

    @Test
    @DisplayName("defers a cart reminder triggered at 20:30 in Miami to the next morning")
    void defersEveningReminderInMiami(SmsOutbox outbox, TestClock clock) {
        clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));
        assertThat(shopClock.instant()).isEqualTo(clock.instant());

        assertThat(scheduler.trigger(MIAMI, "Your cart misses you")).hasValue(Instant.parse("2025-06-03T12:00:00Z"));
        assertThat(outbox.sent()).isEmpty();

        clock.advance(Duration.ofHours(12));
        assertThat(scheduler.dispatchDue()).isEqualTo(1);
        assertThat(outbox.sent()).singleElement().satisfies(sms -> {
            assertThat(sms.kind()).isEqualTo(MessageKind.MARKETING);
            assertThat(sms.instant()).isEqualTo(Instant.parse("2025-06-03T12:30:00Z"));
        });
    }

    @Test
    @DisplayName("sends an order confirmation at once, even at night")
    void transactionalAtNight(SmsOutbox outbox, TestClock clock) {
        clock.setInstant(Instant.parse("2025-06-03T06:00:00Z"));

        scheduler.sendTransactional(MIAMI, "Your order has shipped");

        assertThat(outbox.sent()).extracting(SmsSent::kind).containsExactly(MessageKind.TRANSACTIONAL);
    }
}
