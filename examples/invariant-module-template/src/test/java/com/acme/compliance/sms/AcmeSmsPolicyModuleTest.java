package com.acme.compliance.sms;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.sms.outbox.SmsSent;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The module author's tests for SMS-1: stricter than the statute where it says so, and nowhere else. */
@DisplayName("Acme SMS policy SMS-1")
class AcmeSmsPolicyModuleTest {

    private static final String MIAMI = "+13055550147";
    /** 19:30 in Miami on a Tuesday: inside Florida's 08:00-20:00, outside SMS-1's 09:00-19:00. */
    private static final Instant EVENING = Instant.parse("2025-06-03T23:30:00Z");
    private static final Instant MORNING = Instant.parse("2025-06-03T14:00:00Z");

    @Test
    @DisplayName("is ready to publish: reviewed, cited, and its override carries a reason")
    void isWellFormed() {
        assertThatModule(new AcmeSmsPolicyModule()).isWellFormed();
    }

    @Test
    @DisplayName("flags a Florida marketing text at 19:30 that the shipped rule allows")
    void tightensFlorida() {
        EventTrace evening = EventTrace.of(new SmsSent(EVENING, MIAMI, "Summer sale", MessageKind.MARKETING));

        assertThatInvariant(new SmsContactRulesModule().quietHoursInvariant(AcmeSmsPolicyModule.FLORIDA_RULE))
                .accepts(evening);
        assertThatInvariant(AcmeSmsPolicyModule.FLORIDA_QUIET_HOURS)
                .flags(evening)
                .withMessageContaining("local time 2025-06-03T19:30 (Tuesday) is outside 09:00-19:00");
    }

    @Test
    @DisplayName("accepts a Florida marketing text at 10:00")
    void acceptsMorning() {
        assertThatInvariant(AcmeSmsPolicyModule.FLORIDA_QUIET_HOURS)
                .accepts(EventTrace.of(new SmsSent(MORNING, MIAMI, "Summer sale", MessageKind.MARKETING)));
    }

    /** How a team runs SMS-1: next to the shipped module, whose other rules still apply. */
    @Nested
    @ComplianceTest(modules = {SmsContactRulesModule.class, AcmeSmsPolicyModule.class})
    @DisplayName("switched on next to the shipped module")
    class NextToTheShippedModule {

        @Test
        @DisplayName("lets a team's morning campaign through")
        void morningCampaign(SmsOutbox outbox, TestClock clock) {
            clock.setInstant(MORNING);
            outbox.send(MIAMI, "Summer sale", MessageKind.MARKETING);
        }
    }
}
