package dev.complianceharness.examples.newsletter;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.examples.newsletter.compliance.CanSpamModule;
import dev.complianceharness.examples.newsletter.compliance.EmailOutbox;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Proof that the CAN-SPAM module catches both buggy newsletters and passes the correct one. */
@DisplayName("The CAN-SPAM module")
class NewsletterBugsAreCaughtTest {

    @Test
    @DisplayName("passes the correct newsletter")
    void passesCorrectNewsletter() {
        run(CorrectTestCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    @DisplayName("catches unsubscribes that wait for a monthly batch")
    void catchesBatchedUnsubscribes() {
        run(BatchedUnsubscribesTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("monthlyLifecycle"), finishedWithFailure(message("""
                        1 compliance violation in monthlyLifecycle(EmailOutbox, TestClock):

                        can-spam.opt-out-honoured: No commercial e-mail reaches a recipient more than 10 business days after they opted out
                          regulation: 15 U.S.C. § 7704(a)(4)(A) [US, high confidence]
                          owner:      marketing-compliance <marketing-compliance@example.com>
                          tier:       REGULATORY
                          why:        commercial e-mail "Issue #2" sent 2025-06-17T12:00:00Z, after the opt-out deadline 2025-06-16T23:59:59.999999999Z
                          evidence:   OptOutReceived[%1$s at 2025-06-02T12:00:00Z]
                          evidence:   EmailSent[COMMERCIAL "Issue #2" to %1$s at 2025-06-17T12:00:00Z, with unsubscribe link]
                          module:     examples.can-spam 1.0.0""".formatted(Redaction.token(PiiKind.EMAIL, "ada@example.com"))))));
    }

    @Test
    @DisplayName("catches a flash sale without an unsubscribe link")
    void catchesMissingFooter() {
        run(MissingFooterTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("flashSale"), finishedWithFailure(message(text -> text.startsWith(
                        "1 compliance violation in flashSale(EmailOutbox):\n\n"
                                + "can-spam.opt-out-link: Every commercial e-mail offers a functioning way to opt out\n"
                                + "  regulation: 15 U.S.C. § 7704(a)(3) [US, high confidence]")
                        && text.contains("why:        the commercial e-mail \"24 hours only: umbrellas\" has no unsubscribe link")))));
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    /** The same scenario, run against each variant: an opt-out, then issues 1 to 3 two weeks apart. */
    abstract static class LifecycleScenario {
        private final Function<EmailOutbox, Newsletter> variant;

        LifecycleScenario(Function<EmailOutbox, Newsletter> variant) {
            this.variant = variant;
        }

        @Test
        void monthlyLifecycle(EmailOutbox outbox, TestClock clock) {
            Newsletter newsletter = variant.apply(outbox);
            newsletter.subscribe("ada@example.com");
            outbox.receiveOptOut("ada@example.com", newsletter::unsubscribe);
            newsletter.sendIssue(1);
            clock.advance(Duration.ofDays(15));
            newsletter.sendIssue(2);
            newsletter.runMonthlyUnsubscribeBatch();
            clock.advance(Duration.ofDays(14));
            newsletter.sendIssue(3);
        }
    }

    @ComplianceTest(modules = CanSpamModule.class)
    static class CorrectTestCase extends LifecycleScenario {
        CorrectTestCase() {
            super(Newsletter::new);
        }
    }

    @ComplianceTest(modules = CanSpamModule.class)
    static class BatchedUnsubscribesTestCase extends LifecycleScenario {
        BatchedUnsubscribesTestCase() {
            super(Newsletter::batchingUnsubscribes);
        }
    }

    @ComplianceTest(modules = CanSpamModule.class)
    static class MissingFooterTestCase {
        @Test
        void flashSale(EmailOutbox outbox) {
            Newsletter newsletter = Newsletter.withoutFooterOnFlashSales(outbox);
            newsletter.subscribe("ada@example.com");
            newsletter.sendFlashSale("umbrellas");
        }
    }
}
