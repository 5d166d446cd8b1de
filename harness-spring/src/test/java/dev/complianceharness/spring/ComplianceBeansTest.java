package dev.complianceharness.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@DisplayName("@ComplianceBeans")
class ComplianceBeansTest {

    static final Instant LATE = Instant.parse("2025-06-02T22:30:00Z");

    @Test
    @DisplayName("lets the application's beans record into the running test, in parallel, and fails the test that breaks a rule")
    void correctAndBuggyApplication() {
        EngineExecutionResults results = FixtureRuns.inParallel(CorrectGreeterTestCase.class, BuggyGreeterTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(13).succeeded(12).failed(1));
        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("greetsLateCustomers(TestClock)");
        assertThat(failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()).hasMessage(
                "1 compliance violation in greetsLateCustomers(TestClock):\n\n"
                        + "test.daytime-greetings: Greetings are sent between 08:00 and 21:00 UTC\n"
                        + "  regulation: House rule 1 [US, high confidence]\n"
                        + "  owner:      greetings-team\n"
                        + "  tier:       REPUTATIONAL\n"
                        + "  why:        a greeting was sent at 2025-06-02T22:30:00Z\n"
                        + "  evidence:   GreetingSent[to " + Masking.maskValue("ada@example.com") + " at 2025-06-02T22:30:00Z]\n"
                        + "  module:     test.quiet-outbox 1.0.0");
    }

    /** The application's configuration, as the team wrote it: a system clock, a real gateway, an executor. */
    @Configuration(proxyBeanMethods = false)
    static class Application {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        Greeter.Gateway smsProvider() {
            return recipient -> {
                throw new IllegalStateException("would send for real to " + recipient);
            };
        }

        @Bean
        ThreadPoolTaskExecutor greeterExecutor(ObjectProvider<TaskDecorator> decorator) {
            // as Spring Boot builds its executor: with the context's one TaskDecorator, if there is one
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(2);
            executor.setTaskDecorator(decorator.getIfUnique());
            return executor;
        }

        @Bean
        Greeter greeter(Clock clock, Greeter.Gateway gateway, @Value("${greeter.hold-late:true}") boolean holdLate,
                        ThreadPoolTaskExecutor greeterExecutor) {
            return new Greeter(clock, gateway, holdLate, greeterExecutor);
        }
    }

    /** The team's test configuration, written once: the gateway records into the running test's outbox. */
    @Configuration(proxyBeanMethods = false)
    static class RecordingGateway {
        @Bean
        @Primary
        Greeter.Gateway recordingGateway(ComplianceParts parts) {
            return recipient -> parts.get(QuietOutboxModule.Outbox.class).send(recipient);
        }
    }

    @SpringJUnitConfig({Application.class, RecordingGateway.class})
    @ComplianceBeans
    @ComplianceTest(modules = QuietOutboxModule.class)
    static class CorrectGreeterTestCase {

        @Autowired
        Greeter greeter;

        @Autowired
        Clock clock;

        @Test
        void holdsLateGreetingsUntilMorning(TestClock testClock, QuietOutboxModule.Outbox outbox) {
            testClock.setInstant(LATE);
            greeter.greet("ada@example.com");
            assertThat(outbox.sent()).isEmpty();

            testClock.advance(Duration.ofHours(10));
            greeter.sendHeld();
            assertThat(outbox.sent()).singleElement().satisfies(sent ->
                    assertThat(sent.instant()).isEqualTo(LATE.plus(Duration.ofHours(10))));
        }

        @RepeatedTest(10)
        void eachTestReadsItsOwnClockAndOutbox(TestClock testClock, QuietOutboxModule.Outbox outbox, RepetitionInfo repetition)
                throws Exception {
            Instant start = Instant.parse("2025-06-02T09:00:00Z").plus(Duration.ofMinutes(repetition.getCurrentRepetition()));
            testClock.setInstant(start);
            Thread.sleep(5);

            assertThat(clock.instant()).isEqualTo(start);
            assertThat(greeter.clock()).isSameAs(clock);
            greeter.greetInBackground("customer-" + repetition.getCurrentRepetition() + "@example.com").get(10, TimeUnit.SECONDS);
            assertThat(outbox.sent()).singleElement().satisfies(sent -> {
                assertThat(sent.recipient()).isEqualTo("customer-" + repetition.getCurrentRepetition() + "@example.com");
                assertThat(sent.instant()).isEqualTo(start);
                assertThat(sent.thread()).startsWith("greeterExecutor-");
            });
        }
    }

    @SpringJUnitConfig({Application.class, RecordingGateway.class})
    @TestPropertySource(properties = "greeter.hold-late=false")
    @ComplianceBeans
    @ComplianceTest(modules = QuietOutboxModule.class)
    static class BuggyGreeterTestCase {

        @Autowired
        Greeter greeter;

        @Test
        void greetsLateCustomers(TestClock testClock) {
            testClock.setInstant(LATE);
            greeter.greet("ada@example.com");
        }

        @Test
        void greetsInDaytime(TestClock testClock) {
            testClock.setInstant(LATE.minus(Duration.ofHours(10)));
            greeter.greet("ada@example.com");
        }
    }
}
