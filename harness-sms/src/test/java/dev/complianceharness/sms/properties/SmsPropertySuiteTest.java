package dev.complianceharness.sms.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

@DisplayName("SmsPropertySuite")
class SmsPropertySuiteTest {

    private static final long SEED = 42L;

    @Test
    @DisplayName("reports each jurisdiction as its own dynamic test, passing a scheduler that asks the decision API")
    void passesASchedulerThatAsksTheDecisionApi() {
        EngineExecutionResults results = run(DecisionApiSchedulerTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(results.testEvents().succeeded().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("US-CT: every planned text is permitted", "US-UT: every planned text is permitted",
                        "multi-zone exchanges: every planned text is permitted",
                        "numbers without a known zone: every planned text is permitted");
    }

    @Test
    @DisplayName("fails the same scheduler on Florida, whose frequency cap the decision API's windows do not enforce")
    void failsTheDecisionApiSchedulerOnTheFloridaCap() {
        Throwable florida = failure(run(DecisionApiSchedulerInFloridaTestCase.class), "US-FL");

        assertThat(florida.getCause()).hasMessageStartingWith("sms.frequency-cap.us-fl: marketing text 4 within 24 h to a"
                + " US-FL recipient: sent ");
    }

    @Test
    @DisplayName("fails a sender that always sends, with the seed, the shrunk scenario and the rule that blocked it")
    void failsASenderThatAlwaysSends() {
        EngineExecutionResults results = run(AlwaysSendsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
        Throwable florida = failure(results, "US-FL");
        assertThat(florida).isInstanceOf(PropertyFailure.class)
                .hasMessageStartingWith("Property 'always sends, US-FL' failed ")
                .hasMessageContaining("(seed 42)")
                .hasMessageContaining("[America/New_York], triggers: MARKETING at 2025-01-01T05:00:00Z (2025-01-01T00:00 local);]")
                .hasMessageContaining("shrunk example:   Scenario[<phone +1 ")
                .hasMessageContaining("-Dcomplianceharness.seed=42");
        assertThat(florida.getCause()).hasMessageStartingWith("sms.quiet-hours.us-tcpa-64-1200-c-1: MARKETING text at"
                + " 2025-01-01T05:00:00Z blocked by rule us-tcpa-64.1200-c-1: US-FL in America/New_York at local time"
                + " 2025-01-01T00:00 (Wednesday) is outside 08:00-21:00");
        assertThat(failure(results, "numbers without a known zone").getCause())
                .hasMessageContaining("sms.quiet-hours: not permitted: MARKETING message to ");
    }

    @Test
    @DisplayName("fails a scheduler that plans a text before its trigger")
    void failsAPlanInThePast() {
        Throwable failure = failure(run(PlansInThePastTestCase.class), "US-FL");

        assertThat(failure.getCause()).hasMessageStartingWith("The scheduler planned message 1 for ")
                .hasMessageContaining(", before it was triggered at ");
    }

    @Test
    @DisplayName("rejects a configuration it cannot run, saying what to do")
    void rejectsBadConfiguration() {
        SmsPropertySuite suite = SmsPropertySuite.forSendGate((number, kind, now) -> false);

        assertThatThrownBy(suite::jurisdictions).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SmsPropertySuite.jurisdictions() needs at least one jurisdiction code, such as \"US-FL\"");
        assertThatThrownBy(() -> suite.jurisdictions("US-FL", "US-ZZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No area code serves 'US-ZZ'");
        assertThatThrownBy(() -> suite.tries(0)).hasMessage("SmsPropertySuite.tries(0): at least 1 try is needed");
        assertThatThrownBy(() -> suite.between(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1)))
                .hasMessage("SmsPropertySuite.between(2026-01-01, 2025-01-01): the first day must come before the end");
        assertThatThrownBy(() -> suite.named(" ")).hasMessage("SmsPropertySuite.named(...) needs a non-blank name");
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    private static Throwable failure(EngineExecutionResults results, String jurisdiction) {
        List<Throwable> failures = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(jurisdiction + ": "))
                .map(SmsPropertySuiteTest::throwable).toList();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    static class DecisionApiSchedulerTestCase {
        @TestFactory
        Stream<DynamicTest> contactRules() {
            QuietHours quietHours = QuietHours.standard();
            return SmsPropertySuite.forScheduler(() -> (number, kind, at) -> kind == MessageKind.MARKETING
                            ? quietHours.earliestPermitted(Recipient.of(number), at, kind) : Optional.of(at))
                    .named("decision api").jurisdictions("US-CT", "US-UT").tries(60).seed(SEED).dynamicTests();
        }
    }

    static class DecisionApiSchedulerInFloridaTestCase {
        @TestFactory
        Stream<DynamicTest> contactRules() {
            QuietHours quietHours = QuietHours.standard();
            return SmsPropertySuite.forScheduler(() -> (number, kind, at) -> quietHours.earliestPermitted(Recipient.of(number), at, kind))
                    .named("decision api in Florida").jurisdictions("US-FL").tries(100).seed(SEED).dynamicTests();
        }
    }

    static class AlwaysSendsTestCase {
        @TestFactory
        Stream<DynamicTest> contactRules() {
            return SmsPropertySuite.forSendGate((number, kind, now) -> true).named("always sends")
                    .jurisdictions("US-FL", "US-UT").tries(60).seed(SEED).dynamicTests();
        }
    }

    static class PlansInThePastTestCase {
        @TestFactory
        Stream<DynamicTest> contactRules() {
            return SmsPropertySuite.forScheduler(() -> (number, kind, at) -> Optional.of(at.minusSeconds(1)))
                    .named("plans in the past").jurisdictions("US-FL").tries(20).seed(SEED).dynamicTests();
        }
    }
}
