package dev.complianceharness.examples.sms;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.sms.invariants.SmsContactRulesModule;
import dev.complianceharness.sms.outbox.SmsOutbox;
import dev.complianceharness.testkit.FixtureRuns;
import java.time.Instant;
import dev.complianceharness.sms.properties.SmsPropertySuite;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * Proof that the generated SMS suite catches every buggy scheduler and passes the correct one: each fixture runs
 * the suite against one {@link SchedulerVariant} through the Jupiter engine, with parallel execution on.
 */
@DisplayName("The generated SMS property suite")
class CampaignSchedulerBugsAreCaughtTest {

    private static final long SEED = 20251102L;

    @Nested
    @DisplayName("on the headline bug (server zone, federal window only)")
    class Headline {

        @Test
        @DisplayName("passes the fixed scheduler in every jurisdiction")
        void passesFixedScheduler() {
            EngineExecutionResults results = run(CorrectTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.failed(0)
                    .succeeded(SmsPropertySuite.DEFAULT_JURISDICTIONS.size() + 3));
        }

        @Test
        @DisplayName("fails the buggy scheduler on Florida, citing Fla. Stat. 501.616(6) or the federal window")
        void failsBuggySchedulerOnFlorida() {
            PropertyFailure failure = failureOf(ServerZoneResults.RESULTS, "US-FL");

            assertThat(failure.getMessage()).contains("seed " + SEED).contains("shrunk example:");
            assertThat(firstLine(failure)).startsWith("sms.quiet-hours.us-").contains(": MARKETING text at ")
                    .containsPattern("blocked by rule (us-fl-501\\.616|us-tcpa-64\\.1200-c-1): US-FL in America/");
        }

        @Test
        @DisplayName("fails it in every jurisdiction whose window is narrower than the federal one, or whose zone is not the server's")
        void failsBuggySchedulerAcrossJurisdictions() {
            assertThat(failedJurisdictions(ServerZoneResults.RESULTS)).contains("US", "US-FL", "US-OK", "US-MD", "US-CT",
                    "US-WA", "US-UT", "multi-zone exchanges").doesNotContain("US-DC", "FR", "AU", "IN");
        }

        @Test
        @DisplayName("prints no phone number in full")
        void masksNumbers() {
            for (Event failed : ServerZoneResults.RESULTS.testEvents().failed().list()) {
                Throwable failure = throwable(failed);
                assertThat(failure.getMessage() + failure.getCause().getMessage()).doesNotContainPattern("\\+1\\d{10}");
            }
        }
    }

    @Test
    @DisplayName("fails the team's own test of an evening cart reminder to Miami, showing the rule, window and local time")
    void failsTheTeamsEveningReminderTest() {
        run(EveningReminderTestCase.class).testEvents().assertThatEvents().haveExactly(1,
                event(test("eveningReminder"), finishedWithFailure(message("""
                        1 compliance violation in eveningReminder(SmsOutbox, TestClock):

                        sms.quiet-hours.us-fl-501-616: No marketing text reaches a US-FL recipient outside MONDAY-SUNDAY 08:00-20:00
                          regulation: Fla. Stat. 501.616(6) [US-FL, high confidence]
                          owner:      sms-compliance <sms-compliance@example.com>
                          tier:       REGULATORY
                          why:        MARKETING text at 2025-06-03T00:30:00Z blocked by rule us-fl-501.616: US-FL in America/New_York at local time 2025-06-02T20:30 (Monday) is outside 08:00-20:00; next permitted 2025-06-03T12:00:00Z (2025-06-03T08:00 in America/New_York)
                          evidence:   SmsSent[MARKETING to %s at 2025-06-03T00:30:00Z]
                          module:     sms.contact-rules 1.0.0""".formatted(Redaction.token(PiiKind.PHONE,
                        CampaignSchedulerComplianceTest.MIAMI))))));
    }

    /** The headline fixture's results, computed once for the tests that read them. */
    private static final class ServerZoneResults {
        static final EngineExecutionResults RESULTS = run(ServerZoneTestCase.class);
    }

    @Test
    @DisplayName("catches the DST offset taken at trigger time: 07:00 on the morning clocks fall back (2024-11-03)")
    void catchesOffsetAtTriggerTime() {
        assertThat(firstLine(failureOf(run(OffsetAtTriggerTimeTestCase.class), "US")))
                .startsWith("sms.quiet-hours.us-tcpa-64-1200-c-1: MARKETING text at 2024-11-03T12:00:00Z blocked by rule"
                        + " us-tcpa-64.1200-c-1: ")
                .contains(" at local time 2024-11-03T07:00 (Sunday) is outside 08:00-21:00");
    }

    @Test
    @DisplayName("catches a scheduler that uses only the first candidate zone (Boise, not Los Angeles)")
    void catchesFirstZoneOnly() {
        assertThat(firstLine(failureOf(run(FirstCandidateZoneTestCase.class), "multi-zone exchanges")))
                .startsWith("sms.quiet-hours.us-tcpa-64-1200-c-1: MARKETING text at ")
                .contains("US-ID in America/Los_Angeles at local time ")
                .contains(") is outside 08:00-21:00");
    }

    @Test
    @DisplayName("catches 21:00 treated as inclusive")
    void catchesInclusiveEnd() {
        assertThat(firstLine(failureOf(run(InclusiveEndTestCase.class), "US")))
                .startsWith("sms.quiet-hours.us-tcpa-64-1200-c-1: MARKETING text at ")
                .containsPattern(" at local time \\d{4}-\\d{2}-\\d{2}T21:00 \\(\\w+day\\) is outside 08:00-21:00");
    }

    @Test
    @DisplayName("catches a scheduler that fails open on a number without a known zone")
    void catchesFailOpen() {
        assertThat(firstLine(failureOf(run(FailOpenTestCase.class), "numbers without a known zone")))
                .startsWith("sms.quiet-hours: not permitted: MARKETING message to ")
                .contains("the recipient cannot be located");
    }

    @Test
    @DisplayName("catches the missing Sunday ban, citing Utah Code § 13-25a-103(3)")
    void catchesMissingSundayBan() {
        PropertyFailure failure = failureOf(run(NoSundayBanTestCase.class), "US-UT");

        assertThat(firstLine(failure)).startsWith("sms.quiet-hours.us-ut-13-25a-103: MARKETING text at ")
                .contains("(Sunday) is closed on Sundays");
        assertThat(failure.getCause().getMessage()).contains("regulation: Utah Code § 13-25a-103(3) [US-UT, high confidence]");
    }

    @Test
    @DisplayName("catches the missing frequency cap: a fourth marketing text to Florida within 24 hours")
    void catchesMissingFrequencyCap() {
        PropertyFailure failure = failureOf(run(NoFrequencyCapTestCase.class), "US-FL");

        assertThat(firstLine(failure)).startsWith("sms.frequency-cap.us-fl: marketing text 4 within 24 h to a US-FL"
                + " recipient: sent ");
        assertThat(failure.getCause().getMessage()).contains("regulation: Fla. Stat. 501.616(6) [US-FL, high confidence]");
    }

    @Test
    @DisplayName("catches zones worked out once per state, from the first recipient: only a second Florida number shows it")
    void catchesStateZonesFromFirstRecipient() {
        PropertyFailure failure = failureOf(run(StateZonesTestCase.class), "US-FL");

        assertThat(withoutHashes(failure.shrunkExample())).isEqualTo("Scenario[1. MARKETING to <phone +1 689 \u202600 #> [America/Chicago] at"
                + " 2024-03-10T02:59:59Z (2024-03-09T20:59:59 local); 2. MARKETING to <phone +1 689 \u202600 #> [America/Chicago] at"
                + " 2024-03-10T01:59:59Z (2024-03-09T19:59:59 local); 3. MARKETING to <phone +1 239 \u202600 #> [America/New_York] at"
                + " 2024-03-10T01:59:59Z (2024-03-09T20:59:59 local)]");
        assertThat(firstLine(failure)).isEqualTo("sms.quiet-hours.us-fl-501-616: MARKETING text at 2024-03-10T01:59:59Z"
                + " blocked by rule us-fl-501.616: US-FL in America/New_York at local time 2024-03-09T20:59:59 (Saturday)"
                + " is outside 08:00-20:00; next permitted 2024-03-10T12:00:00Z (2024-03-10T08:00 in America/New_York)");
    }

    @Test
    @DisplayName("catches an offset kept per recipient from the first trigger: only a repeated recipient across DST shows it")
    void catchesOffsetCachedPerRecipient() {
        PropertyFailure failure = failureOf(run(OffsetCachedTestCase.class), "US");

        assertThat(withoutHashes(failure.shrunkExample())).isEqualTo("Scenario[1. MARKETING to <phone +1 201 \u202600 #> [America/New_York] at"
                + " 2029-11-04T04:00:00Z (2029-11-04T00:00 local); 2. MARKETING to <phone +1 201 \u202600 #> [America/New_York] at"
                + " 2029-11-04T04:00:00Z (2029-11-04T00:00 local)]");
        assertThat(firstLine(failure)).isEqualTo("sms.quiet-hours.us-tcpa-64-1200-c-1: MARKETING text at"
                + " 2029-11-04T12:00:00Z blocked by rule us-tcpa-64.1200-c-1: US-NJ in America/New_York at local time"
                + " 2029-11-04T07:00 (Sunday) is outside 08:00-21:00; next permitted 2029-11-04T13:00:00Z (2029-11-04T08:00"
                + " in America/New_York)");
    }

    /** A token's hash is keyed for each JVM: the rest of it is pinned. */
    private static String withoutHashes(String text) {
        return text.replaceAll(" #[0-9a-f]{4}>", " #>");
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return FixtureRuns.inParallel(fixture);
    }

    private static PropertyFailure failureOf(EngineExecutionResults results, String jurisdiction) {
        List<Throwable> failures = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(jurisdiction + ": "))
                .map(CampaignSchedulerBugsAreCaughtTest::throwable).toList();
        assertThat(failures).as("failures of the %s test", jurisdiction).singleElement().isInstanceOf(PropertyFailure.class);
        return (PropertyFailure) failures.get(0);
    }

    private static List<String> failedJurisdictions(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(event -> event.getTestDescriptor().getDisplayName().replaceFirst(": .*", "")).toList();
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    private static String firstLine(PropertyFailure failure) {
        return failure.getCause().getMessage().lines().findFirst().orElse("");
    }

    /** The team's example-based test of the headline scenario, run against the buggy scheduler. */
    @ComplianceTest(modules = SmsContactRulesModule.class)
    static class EveningReminderTestCase {
        @Test
        void eveningReminder(SmsOutbox outbox, TestClock clock) {
            CampaignScheduler scheduler = new CampaignScheduler(CampaignSchedulerComplianceTest.into(outbox), clock,
                    SchedulerVariant.SERVER_ZONE_FEDERAL_WINDOW_ONLY);
            clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));   // 20:30 in Miami
            scheduler.trigger(CampaignSchedulerComplianceTest.MIAMI, "Your cart misses you: 10% off today");
            scheduler.dispatchDue();
        }
    }

    /** Runs the generated suite against one variant, with a fixed seed so that the proof is reproducible. */
    abstract static class GeneratedSuite {
        private final SchedulerVariant variant;
        private final String[] jurisdictions;

        GeneratedSuite(SchedulerVariant variant, String... jurisdictions) {
            this.variant = variant;
            this.jurisdictions = jurisdictions;
        }

        @TestFactory
        Stream<DynamicTest> contactRules() {
            return CampaignSchedulerPropertiesTest.suiteFor(variant).named("proof " + variant).jurisdictions(jurisdictions)
                    .tries(jurisdictions.length > 1 ? 50 : 300).seed(SEED).dynamicTests();
        }
    }

    static class CorrectTestCase extends GeneratedSuite {
        CorrectTestCase() {
            super(SchedulerVariant.CORRECT, SmsPropertySuite.DEFAULT_JURISDICTIONS.toArray(String[]::new));
        }
    }

    static class ServerZoneTestCase extends GeneratedSuite {
        ServerZoneTestCase() {
            super(SchedulerVariant.SERVER_ZONE_FEDERAL_WINDOW_ONLY, SmsPropertySuite.DEFAULT_JURISDICTIONS.toArray(String[]::new));
        }
    }

    static class OffsetAtTriggerTimeTestCase extends GeneratedSuite {
        OffsetAtTriggerTimeTestCase() {
            super(SchedulerVariant.OFFSET_AT_TRIGGER_TIME, "US");
        }
    }

    static class FirstCandidateZoneTestCase extends GeneratedSuite {
        FirstCandidateZoneTestCase() {
            super(SchedulerVariant.FIRST_CANDIDATE_ZONE_ONLY, "US-ID");
        }
    }

    static class InclusiveEndTestCase extends GeneratedSuite {
        InclusiveEndTestCase() {
            super(SchedulerVariant.END_OF_WINDOW_INCLUSIVE, "US");
        }
    }

    static class FailOpenTestCase extends GeneratedSuite {
        FailOpenTestCase() {
            super(SchedulerVariant.FAIL_OPEN_ON_UNKNOWN_ZONE, "US");
        }
    }

    static class NoSundayBanTestCase extends GeneratedSuite {
        NoSundayBanTestCase() {
            super(SchedulerVariant.NO_SUNDAY_BAN, "US-UT");
        }
    }

    static class StateZonesTestCase extends GeneratedSuite {
        StateZonesTestCase() {
            super(SchedulerVariant.STATE_ZONES_FROM_FIRST_RECIPIENT, "US-FL");
        }
    }

    static class OffsetCachedTestCase extends GeneratedSuite {
        OffsetCachedTestCase() {
            super(SchedulerVariant.OFFSET_CACHED_PER_RECIPIENT, "US");
        }
    }

    static class NoFrequencyCapTestCase extends GeneratedSuite {
        NoFrequencyCapTestCase() {
            super(SchedulerVariant.NO_FREQUENCY_CAP, "US-FL");
        }
    }
}
