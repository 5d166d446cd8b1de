package dev.complianceharness.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("SmsOutbox")
class SmsOutboxTest {

    @Test
    @DisplayName("is injected with the test clock when the module is selected by id, and its texts are judged after the test")
    void injectedAndJudged() {
        run(EveningTextTestCase.class).testEvents().assertThatEvents().haveExactly(1, event(test("eveningText"),
                finishedWithFailure(message(text -> text.startsWith("1 compliance violation in eveningText(SmsOutbox, TestClock):\n\n"
                        + "sms.quiet-hours.us-fl-501-616: ")
                        && text.contains("  evidence:   SmsSent[MARKETING to " + Redaction.token(PiiKind.PHONE, "+13055550147") + " at 2025-06-03T00:30:00Z]")
                        && !text.contains("3055550147")))));
    }

    @Test
    @DisplayName("gives every one of 40 concurrent tests its own texts, recorded from the application's threads")
    void isolatesConcurrentTests() {
        run(ConcurrentTestCase.class).testEvents().assertStatistics(stats -> stats.started(40).succeeded(40));
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    @ComplianceTest(moduleIds = "sms.contact-rules", clockStart = "2025-06-03T00:30:00Z")
    static class EveningTextTestCase {
        @Test
        void eveningText(SmsOutbox outbox, TestClock clock) {
            assertThat(clock.instant()).isEqualTo(Instant.parse("2025-06-03T00:30:00Z"));
            outbox.send("+13055550147", "Flash sale tonight", MessageKind.MARKETING);
        }
    }

    @ComplianceTest(moduleIds = "sms.contact-rules", clockStart = "2025-06-02T16:00:00Z")
    static class ConcurrentTestCase {
        @RepeatedTest(40)
        void sendsFromAnExecutor(SmsOutbox outbox, EventTrace trace) throws InterruptedException {
            ExecutorService application = Executors.newFixedThreadPool(2);
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String number = "+1212555" + String.format("%04d", (int) (Math.random() * 10_000));
                numbers.add(number);
                application.execute(() -> outbox.send(number, "Hello", MessageKind.MARKETING));
            }
            application.shutdown();
            assertThat(application.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            outbox.receiveStop(numbers.get(0), number -> outbox.sendOptOutConfirmation(number, "Unsubscribed"));

            assertThat(outbox.sent()).hasSize(4).extracting(SmsSent::to).containsAll(numbers);
            assertThat(trace.events(OptOutReceived.class)).singleElement().extracting(OptOutReceived::keyword).isEqualTo("STOP");
        }
    }
}
