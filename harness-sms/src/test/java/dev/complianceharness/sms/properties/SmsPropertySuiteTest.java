package dev.complianceharness.sms.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.invariants.CapOwner;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.invariants.SmsPolicy;
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

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        assertThat(results.testEvents().succeeded().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyInAnyOrder("US-CT: every planned text is permitted", "US-UT: every planned text is permitted",
                        "multi-zone exchanges: every planned text is permitted",
                        "area codes across zones: every planned text is permitted",
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
    @DisplayName("passes the same scheduler when the policy says the campaign or outbox that sends owns the caps")
    void capOwnedBySender() {
        run(CapOwnedBySenderTestCase.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    @DisplayName("fails a sender that always sends, with the seed, the shrunk scenario and the rule that blocked it")
    void failsASenderThatAlwaysSends() {
        EngineExecutionResults results = run(AlwaysSendsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(5).failed(5));
        Throwable florida = failure(results, "US-FL");
        assertThat(florida).isInstanceOf(PropertyFailure.class)
                .hasMessageStartingWith("Property 'always sends, US-FL' failed ")
                .hasMessageContaining("(seed 42)")
                .hasMessageContaining("shrunk example:   Scenario[1. MARKETING to <phone +1 ")
                .hasMessageContaining("-Dcomplianceharness.seed=42");
        assertThat(florida.getCause().getMessage()).startsWith("sms.quiet-hours.us-")
                .containsPattern("blocked by rule us-[a-z0-9.-]+: US-FL in America/");
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
    @DisplayName("starts each test at its own instant, over several years, and replays a seed exactly")
    void instants() {
        java.util.Map<String, List<java.time.Instant>> seen = new java.util.LinkedHashMap<>();
        List<String> jurisdictions = List.of("US-FL", "US-UT", "US-CT", "US-WA", "CA", "FR");
        for (String jurisdiction : jurisdictions) {
            List<java.time.Instant> calls = new java.util.ArrayList<>();
            SmsPropertySuite.forScheduler(() -> (number, kind, at) -> {
                calls.add(at);
                return Optional.empty();
            }).named("recorder").tries(150).seed(SEED).check(jurisdiction);
            seen.put(jurisdiction, calls);
        }
        List<java.time.Instant> firsts = seen.values().stream().map(calls -> calls.get(0)).toList();
        assertThat(firsts).as("the first instant each test tries").doesNotHaveDuplicates()
                .noneMatch(first -> first.toString().startsWith("2024-01-01"));
        assertThat(seen.values().stream().flatMap(List::stream).map(at -> at.atZone(java.time.ZoneOffset.UTC).getYear())
                .distinct()).as("years the triggers fall in").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    @DisplayName("derives each test's random choices from the suite seed, so one seed does not fail every test at one try")
    void seedsPerTest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
        List<Integer> failingTries = new java.util.ArrayList<>();
        List<Long> seeds = new java.util.ArrayList<>();
        for (String jurisdiction : List.of("US-FL", "US-UT", "US-CT", "US-WA", "US-MA", "CA", "FR")) {
            SmsPropertySuite suite = SmsPropertySuite.forSendGate((number, kind, now) -> true).named("always sends, seeded")
                    .tries(200).seed(SEED).storeFailuresIn(store);
            PropertyFailure failure = org.assertj.core.api.Assertions.catchThrowableOfType(PropertyFailure.class,
                    () -> suite.check(jurisdiction));
            assertThat(failure).as(jurisdiction).isNotNull();
            failingTries.add(failure.tries());
            seeds.add(failure.seed());
        }
        assertThat(seeds).as("the seed every failure prints, which replays it").containsOnly(SEED);
        assertThat(failingTries.stream().distinct().count()).as("tries at which the tests failed: %s", failingTries)
                .isGreaterThan(2);
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
                    .module(new SenderOwnsCaps()).named("decision api").jurisdictions("US-CT", "US-UT").tries(60).seed(SEED)
                    .dynamicTests();
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

    static class CapOwnedBySenderTestCase {
        @TestFactory
        Stream<DynamicTest> contactRules() {
            QuietHours quietHours = QuietHours.standard();
            return SmsPropertySuite.forScheduler(() -> (number, kind, at) -> quietHours.earliestPermitted(Recipient.of(number), at, kind))
                    .module(new SenderOwnsCaps()).named("caps owned by the outbox").jurisdictions("US-FL").tries(100)
                    .seed(SEED).dynamicTests();
        }
    }

    /** A team whose campaign outbox, not its scheduler, counts texts against the caps. */
    static final class SenderOwnsCaps extends SmsContactRulesModule {
        SenderOwnsCaps() {
            super(SmsPolicy.shipped().frequencyCapOwner(CapOwner.SENDER, "the campaign outbox counts every text it sends",
                    "https://wiki.example/adr/31"));
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
