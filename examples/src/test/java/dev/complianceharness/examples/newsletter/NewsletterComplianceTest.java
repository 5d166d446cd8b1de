package dev.complianceharness.examples.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.newsletter.compliance.CanSpamModule;
import dev.complianceharness.examples.newsletter.compliance.EmailOutbox;
import dev.complianceharness.examples.newsletter.compliance.EmailSent;
import dev.complianceharness.junit.ComplianceTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The newsletter team's compliance suite: ordinary tests of the real newsletter, with the CAN-SPAM module
 * switched on so that every test is also checked against the opt-out rules.
 */
@ComplianceTest(modules = CanSpamModule.class)
@DisplayName("Newsletter (CAN-SPAM)")
class NewsletterComplianceTest {

    @Test
    @DisplayName("mails every subscriber with an unsubscribe link")
    void mailsSubscribers(EmailOutbox outbox, EventTrace trace) {
        Newsletter newsletter = new Newsletter(outbox);
        newsletter.subscribe("ada@example.com");
        newsletter.subscribe("grace@example.com");

        newsletter.sendIssue(1);
        newsletter.sendFlashSale("umbrellas");

        assertThat(trace.events(EmailSent.class)).hasSize(4);
    }

    @Test
    @DisplayName("stops commercial mail as soon as a reader unsubscribes, but still sends receipts")
    void honoursUnsubscribe(EmailOutbox outbox, TestClock clock, EventTrace trace) {
        Newsletter newsletter = new Newsletter(outbox);
        newsletter.subscribe("ada@example.com");
        newsletter.sendIssue(1);

        outbox.receiveOptOut("ada@example.com", newsletter::unsubscribe);
        clock.advance(Duration.ofDays(30));
        newsletter.sendIssue(2);
        newsletter.sendReceipt("ada@example.com", "A-1001");

        assertThat(trace.events(EmailSent.class)).extracting(sent -> sent.email().subject())
                .containsExactly("Issue #1", "Your order A-1001");
    }
}
