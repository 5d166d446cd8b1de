package dev.complianceharness.examples.sms;

import static dev.complianceharness.sms.assertions.SmsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.sms.outbox.SmsSent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scheduler team's compliance suite: ordinary tests of the real scheduler, with the SMS module switched on so
 * that every text each test sends is also checked against quiet hours, frequency caps and opt-outs.
 */
@ComplianceTest(modules = SmsContactRulesModule.class)
@DisplayName("Campaign scheduler (SMS contact rules)")
class CampaignSchedulerComplianceTest {

    static final String MIAMI = "+13055550147";
    static final String BOISE_OR_LOS_ANGELES = "+12082000147";
    static final String PENSACOLA = "+18502000147";
    static final String UNASSIGNED = "+19995550147";

    /** How the team plugs its sender into the harness's outbox. */
    static SmsSender into(SmsOutbox outbox) {
        return sms -> {
            switch (sms.purpose()) {
                case MARKETING -> outbox.send(sms.to(), sms.text(), MessageKind.MARKETING);
                case TRANSACTIONAL -> outbox.send(sms.to(), sms.text(), MessageKind.TRANSACTIONAL);
                case OPT_OUT_CONFIRMATION -> outbox.sendOptOutConfirmation(sms.to(), sms.text());
            }
        };
    }

    static void runUntilIdle(CampaignScheduler scheduler, TestClock clock) {
        Optional<Instant> next = scheduler.nextDue();
        while (next.isPresent()) {
            if (next.get().isAfter(clock.instant())) {
                clock.setInstant(next.get());
            }
            scheduler.dispatchDue();
            next = scheduler.nextDue();
        }
    }

    @Test
    @DisplayName("defers a cart reminder triggered at 20:30 in Miami to 08:00 the next morning")
    void defersEveningReminderInFlorida(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
        clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));

        Optional<Instant> planned = scheduler.trigger(MIAMI, "Your cart misses you: 10% off today");
        runUntilIdle(scheduler, clock);

        assertThat(planned).contains(Instant.parse("2025-06-03T12:00:00Z"));
        assertThat(outbox.sent()).singleElement().satisfies(sms -> assertThat(sms).wasSentWithinPermittedHours());
    }

    @Test
    @DisplayName("waits for 08:00 in Los Angeles for an Idaho exchange that also rings there")
    void waitsForEveryCandidateZone(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
        clock.setInstant(Instant.parse("2025-06-03T13:00:00Z"));   // 07:00 in Boise, 06:00 in Los Angeles

        Map<String, Instant> planned = scheduler.schedule(new Campaign("summer-sale", "Summer sale starts now",
                clock.instant(), List.of(BOISE_OR_LOS_ANGELES, PENSACOLA)));
        runUntilIdle(scheduler, clock);

        assertThat(planned).containsEntry(BOISE_OR_LOS_ANGELES, Instant.parse("2025-06-03T15:00:00Z"))
                .containsEntry(PENSACOLA, Instant.parse("2025-06-03T13:00:00Z"));
        assertThat(outbox.sent()).allSatisfy(sms -> assertThat(sms).wasSentWithinPermittedHours());
    }

    @Test
    @DisplayName("keeps a Florida number at three marketing texts in 24 hours")
    void capsFlorida(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
        clock.setInstant(Instant.parse("2025-06-03T14:00:00Z"));

        for (int reminder = 1; reminder <= 4; reminder++) {
            scheduler.trigger(MIAMI, "Price drop " + reminder);
            scheduler.dispatchDue();
            clock.advance(Duration.ofMinutes(10));
        }
        runUntilIdle(scheduler, clock);

        assertThat(outbox.sent()).extracting(SmsSent::instant).containsExactly(Instant.parse("2025-06-03T14:00:00Z"),
                Instant.parse("2025-06-03T14:10:00Z"), Instant.parse("2025-06-03T14:20:00Z"),
                Instant.parse("2025-06-04T14:00:00Z"));
    }

    @Test
    @DisplayName("cancels queued marketing after STOP and confirms the opt-out once")
    void honoursStop(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
        clock.setInstant(Instant.parse("2025-06-03T02:00:00Z"));   // 22:00 in Miami: queued for the morning
        scheduler.trigger(MIAMI, "Flash sale tomorrow");

        outbox.receiveStop(MIAMI, scheduler::stopReceived);
        outbox.receiveStop(MIAMI, scheduler::stopReceived);
        runUntilIdle(scheduler, clock);
        scheduler.trigger(MIAMI, "We miss you");
        runUntilIdle(scheduler, clock);

        assertThat(outbox.sent()).extracting(SmsSent::kind).containsExactly(MessageKind.OPT_OUT_CONFIRMATION);
    }

    @Test
    @DisplayName("never texts a number it cannot place in a time zone")
    void skipsUnknownNumbers(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);

        assertThat(scheduler.trigger(UNASSIGNED, "Hello")).isEmpty();
        assertThat(scheduler.trigger("not a number", "Hello")).isEmpty();
        runUntilIdle(scheduler, clock);

        assertThat(outbox.sent()).isEmpty();
    }

    @Test
    @DisplayName("sends order updates at any hour: the contact windows cover marketing only")
    void sendsTransactionalAtNight(SmsOutbox outbox, TestClock clock) {
        CampaignScheduler scheduler = new CampaignScheduler(into(outbox), clock);
        clock.setInstant(Instant.parse("2025-06-03T04:00:00Z"));   // midnight in Miami

        scheduler.sendTransactional(MIAMI, "Your order A-1001 has shipped");

        assertThat(outbox.sent()).singleElement().satisfies(sms -> assertThat(sms).isTransactional());
    }
}
