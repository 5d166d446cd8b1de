package dev.complianceharness.sms.invariants;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.OptOutReceived;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.rules.RulePack;
import dev.complianceharness.sms.rules.RuleSet;
import dev.complianceharness.sms.rules.Strictness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SmsContactRulesModule")
class SmsContactRulesModuleTest {

    static final String MIAMI = "+13055550147";
    static final String NEW_YORK = "+12125550147";
    static final String BALTIMORE = "+14105550147";
    static final Instant MONDAY_2030_IN_MIAMI = Instant.parse("2025-06-03T00:30:00Z");
    static final Instant MONDAY_0800_IN_MIAMI = Instant.parse("2025-06-02T12:00:00Z");

    private static final SmsContactRulesModule MODULE = new SmsContactRulesModule();

    static SmsSent marketing(String to, Instant at) {
        return new SmsSent(at, to, "Your cart misses you", MessageKind.MARKETING);
    }

    @Test
    @DisplayName("is ready to publish: cited, owned, tiered, reviewed, with stable invariant ids")
    void isWellFormed() {
        isWellFormedExceptForRuleSources(MODULE);
        assertThatModule(MODULE)
                .wasReviewedWithin(Period.ofMonths(12), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        assertThat(MODULE.invariants()).extracting(Invariant::id).contains("sms.quiet-hours",
                "sms.quiet-hours.us-tcpa-64-1200-c-1", "sms.quiet-hours.us-fl-501-616", "sms.quiet-hours.us-ut-13-25a-103",
                "sms.frequency-cap.us-fl", "sms.frequency-cap.us-ok", "sms.frequency-cap.us-md", "sms.opt-out-honoured");
    }

    /**
     * Shipped rules for which no official primary source URL could be established (sms-sources branch): Oklahoma,
     * Maryland, Alabama, Louisiana, Mississippi and India. Every other rule carries one, so only these may be reported,
     * and each of them must be (a rule that gains a source has to leave this list, keeping it honest).
     */
    static final Set<String> RULES_WITHOUT_SOURCE = Set.of("us-ok-775c", "us-md-stop-the-spam-calls", "us-al-770-x-5-17",
            "us-la-45-844-31", "us-ms-77-3-601", "in-trai-tcccpr-2018");

    /**
     * Asserts the module is well formed except that exactly the named rules of {@link #RULES_WITHOUT_SOURCE} present in
     * the module lack a source URL; every other problem fails the test.
     */
    static void isWellFormedExceptForRuleSources(SmsContactRulesModule module) {
        List<String> expected = module.invariants().stream().map(Invariant::id)
                .filter(id -> RULES_WITHOUT_SOURCE.stream().anyMatch(rule -> id.equals("sms.quiet-hours." + rule)))
                .toList();
        if (expected.isEmpty()) {
            assertThatModule(module).isWellFormed();
            return;
        }
        AssertionError problems = catchThrowableOfType(AssertionError.class, () -> assertThatModule(module).isWellFormed());
        assertThat(problems).as("module problems").isNotNull();
        assertThat(problems.getMessage().lines().filter(line -> line.startsWith("  - ")))
                .allSatisfy(line -> assertThat(line).endsWith("without a source URL a reviewer can open"))
                .extracting(line -> line.substring("  - invariant '".length(), line.indexOf("' cites ")))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("is discoverable through ServiceLoader and reports its data versions")
    void isDiscoverable() {
        assertThat(ServiceLoader.load(InvariantModule.class)).anySatisfy(module ->
                assertThat(module).isInstanceOf(SmsContactRulesModule.class));
        assertThat(MODULE.dataVersions()).containsKeys("rule set", "libphonenumber", "tzdata (time4j-tzdata)", "jollyday");
    }

    @Nested
    @DisplayName("quiet hours")
    class QuietHours {

        @Test
        @DisplayName("flag a marketing text at 20:30 in Miami under Florida's rule, with the local time and window")
        void flagsFloridaEvening() {
            assertThatInvariant(MODULE.quietHoursInvariant("us-fl-501.616"))
                    .flags(EventTrace.of(marketing(MIAMI, MONDAY_2030_IN_MIAMI)))
                    .times(1)
                    .withMessage("MARKETING text at 2025-06-03T00:30:00Z blocked by rule us-fl-501.616: US-FL in"
                            + " America/New_York at local time 2025-06-02T20:30 (Monday) is outside 08:00-20:00; next"
                            + " permitted 2025-06-03T12:00:00Z (2025-06-03T08:00 in America/New_York)")
                    .withEvidenceContaining("SmsSent[MARKETING to " + Redaction.token(PiiKind.PHONE, MIAMI) + " at 2025-06-03T00:30:00Z]");
        }

        @Test
        @DisplayName("accept the same text in New York, where only the federal 21:00 applies")
        void acceptsNewYorkEvening() {
            EventTrace trace = EventTrace.of(marketing(NEW_YORK, MONDAY_2030_IN_MIAMI));
            for (Invariant invariant : MODULE.quietHoursInvariants()) {
                assertThatInvariant(invariant).accepts(trace);
            }
        }

        @Test
        @DisplayName("count the location facts the team knows: a New York number with a Florida address gets Florida's window")
        void countKnownAddress() {
            SmsSent withAddress = new SmsSent(MONDAY_2030_IN_MIAMI, Recipient.of(NEW_YORK).withAddressIn("US-FL"), "Sale",
                    MessageKind.MARKETING);

            assertThatInvariant(MODULE.quietHoursInvariant("us-fl-501.616")).flags(EventTrace.of(withAddress))
                    .withMessageContaining("US-FL in America/New_York at local time 2025-06-02T20:30 (Monday)")
                    .withEvidenceContaining("SmsSent[MARKETING to " + Redaction.token(PiiKind.PHONE, NEW_YORK)
                            + ", address US-FL at 2025-06-03T00:30:00Z]");
        }

        @Test
        @DisplayName("accept 08:00:00 sharp and flag 07:59:59")
        void windowEdges() {
            Invariant florida = MODULE.quietHoursInvariant("us-fl-501.616");
            Invariant federal = MODULE.quietHoursInvariant("us-tcpa-64.1200-c-1");

            assertThatInvariant(florida).accepts(EventTrace.of(marketing(MIAMI, MONDAY_0800_IN_MIAMI)));
            assertThatInvariant(federal).flags(EventTrace.of(marketing(MIAMI, MONDAY_0800_IN_MIAMI.minusSeconds(1))))
                    .withMessageContaining("at local time 2025-06-02T07:59:59 (Monday) is outside 08:00-21:00");
        }

        @Test
        @DisplayName("fail closed on a number no zone is known for, naming why")
        void failsClosed() {
            assertThatInvariant(MODULE.quietHoursInvariants().get(0))
                    .flags(EventTrace.of(marketing("+19995550147", MONDAY_0800_IN_MIAMI)))
                    .withMessageContaining("not permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+19995550147")
                            + " at 2025-06-02T12:00:00Z:")
                    .withMessageContaining("cannot be located");
        }

        @Test
        @DisplayName("leave transactional texts and opt-out confirmations alone, at any hour and to any number")
        void ignoresOtherKinds() {
            EventTrace trace = EventTrace.of(
                    new SmsSent(MONDAY_2030_IN_MIAMI.plus(Duration.ofHours(4)), MIAMI, "Order shipped", MessageKind.TRANSACTIONAL),
                    new SmsSent(MONDAY_2030_IN_MIAMI, "+19995550147", "Your code", MessageKind.TRANSACTIONAL),
                    new SmsSent(MONDAY_2030_IN_MIAMI.plus(Duration.ofHours(5)), MIAMI, "Unsubscribed",
                            MessageKind.OPT_OUT_CONFIRMATION));
            for (Invariant invariant : MODULE.quietHoursInvariants()) {
                assertThatInvariant(invariant).accepts(trace);
            }
        }

        @Test
        @DisplayName("name the rules it has when asked for an unknown one")
        void unknownRule() {
            assertThatThrownBy(() -> MODULE.quietHoursInvariant("us-zz-1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Rule set ")
                    .hasMessageContaining("has no rule 'us-zz-1'; its rules are [us-tcpa-64.1200-c-1, ");
        }

        @Test
        @DisplayName("follow the team's strictness: high-confidence rules only drops Texas and Rhode Island")
        void followsStrictness() {
            SmsContactRulesModule citedOnly = new HighConfidenceOnly();

            assertThat(citedOnly.invariants()).extracting(Invariant::id).contains("sms.quiet-hours.us-fl-501-616")
                    .doesNotContain("sms.quiet-hours.us-tx-301-051", "sms.quiet-hours.us-ri-5-61-3-6");
            isWellFormedExceptForRuleSources(citedOnly);
        }
    }

    /** A team's module: the shipped pack, high-confidence rules only. */
    static final class HighConfidenceOnly extends SmsContactRulesModule {
        HighConfidenceOnly() {
            super(RuleSet.builder().pack(RulePack.standard()).strictness(Strictness.HIGH_CONFIDENCE_ONLY).build());
        }
    }

    @Nested
    @DisplayName("frequency caps")
    class FrequencyCaps {

        private final Invariant florida = MODULE.frequencyCapInvariants().get(0);

        @Test
        @DisplayName("flag a fourth marketing text to a Florida number within 24 hours, citing Fla. Stat. 501.616(6)")
        void flagsFourth() {
            Instant first = MONDAY_0800_IN_MIAMI;
            assertThat(florida.regulation().citation()).isEqualTo("Fla. Stat. 501.616(6)");
            assertThatInvariant(florida).flags(EventTrace.of(marketing(MIAMI, first), marketing(MIAMI, first.plusSeconds(60)),
                            marketing(MIAMI, first.plusSeconds(120)), marketing(MIAMI, first.plus(Duration.ofHours(24)).minusSeconds(1))))
                    .times(1)
                    .withMessage("marketing text 4 within 24 h to a US-FL recipient: sent 2025-06-03T11:59:59Z, the first"
                            + " of them 2025-06-02T12:00:00Z; the cap is 3");
        }

        @Test
        @DisplayName("accept a fourth text exactly 24 hours after the first, and transactional texts in between")
        void acceptsAfterPeriod() {
            Instant first = MONDAY_0800_IN_MIAMI;
            assertThatInvariant(florida).accepts(EventTrace.of(marketing(MIAMI, first), marketing(MIAMI, first.plusSeconds(60)),
                    new SmsSent(first.plusSeconds(90), MIAMI, "Order shipped", MessageKind.TRANSACTIONAL),
                    marketing(MIAMI, first.plusSeconds(120)), marketing(MIAMI, first.plus(Duration.ofHours(24)))));
        }

        @Test
        @DisplayName("apply to a number of another state whose known address is in theirs")
        void applyByAddress() {
            Recipient newYorkerInFlorida = Recipient.of(NEW_YORK).withAddressIn("US-FL");
            Instant first = MONDAY_0800_IN_MIAMI;
            EventTrace trace = new EventTrace();
            for (int text = 0; text < 4; text++) {
                trace.record(new SmsSent(first.plusSeconds(text), newYorkerInFlorida, "Sale", MessageKind.MARKETING));
            }
            assertThatInvariant(florida).flags(trace).times(1);
        }

        @Test
        @DisplayName("apply only in their state, and Maryland's only from 2024-01-01")
        void applyInTheirStateAndTime() {
            Instant first = MONDAY_0800_IN_MIAMI;
            EventTrace newYork = EventTrace.of(marketing(NEW_YORK, first), marketing(NEW_YORK, first.plusSeconds(1)),
                    marketing(NEW_YORK, first.plusSeconds(2)), marketing(NEW_YORK, first.plusSeconds(3)));
            Instant before = Instant.parse("2023-06-01T14:00:00Z");
            EventTrace baltimore2023 = EventTrace.of(marketing(BALTIMORE, before), marketing(BALTIMORE, before.plusSeconds(1)),
                    marketing(BALTIMORE, before.plusSeconds(2)), marketing(BALTIMORE, before.plusSeconds(3)));
            for (Invariant cap : MODULE.frequencyCapInvariants()) {
                assertThatInvariant(cap).accepts(newYork);
                assertThatInvariant(cap).accepts(baltimore2023);
            }
            assertThatInvariant(MODULE.frequencyCapInvariants().get(2)).flags(EventTrace.of(marketing(BALTIMORE, first),
                    marketing(BALTIMORE, first.plusSeconds(1)), marketing(BALTIMORE, first.plusSeconds(2)),
                    marketing(BALTIMORE, first.plusSeconds(3)))).withMessageContaining("to a US-MD recipient");
        }
    }

    @Nested
    @DisplayName("opt-out")
    class OptOut {

        private final Invariant optOut = MODULE.optOutInvariant();

        @Test
        @DisplayName("flags a marketing text after STOP, whatever the number's formatting")
        void flagsMarketingAfterStop() {
            assertThatInvariant(optOut).flags(EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, "+1 305-555-0147", "STOP"),
                            marketing(MIAMI, MONDAY_0800_IN_MIAMI)))
                    .times(1)
                    .withMessage("marketing text sent 2025-06-02T12:00:00Z after the recipient opted out (STOP received"
                            + " 2025-06-02T12:00:00Z)")
                    .withEvidenceContaining("OptOutReceived[STOP from " + Redaction.token(PiiKind.PHONE, MIAMI) + " at 2025-06-02T12:00:00Z]");
        }

        @Test
        @DisplayName("accepts one confirmation and transactional texts after STOP, and marketing before it")
        void acceptsConfirmation() {
            assertThatInvariant(optOut).accepts(EventTrace.of(marketing(MIAMI, MONDAY_0800_IN_MIAMI),
                    new OptOutReceived(MONDAY_0800_IN_MIAMI, MIAMI, "STOP"),
                    new SmsSent(MONDAY_0800_IN_MIAMI, MIAMI, "Unsubscribed", MessageKind.OPT_OUT_CONFIRMATION),
                    new SmsSent(MONDAY_0800_IN_MIAMI.plusSeconds(60), MIAMI, "Order shipped", MessageKind.TRANSACTIONAL),
                    marketing(NEW_YORK, MONDAY_0800_IN_MIAMI.plusSeconds(60))));
        }

        @Test
        @DisplayName("flags a second confirmation")
        void flagsSecondConfirmation() {
            assertThatInvariant(optOut).flags(EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, MIAMI, "UNSUBSCRIBE"),
                            new SmsSent(MONDAY_0800_IN_MIAMI, MIAMI, "Unsubscribed", MessageKind.OPT_OUT_CONFIRMATION),
                            new SmsSent(MONDAY_0800_IN_MIAMI.plusSeconds(5), MIAMI, "Unsubscribed", MessageKind.OPT_OUT_CONFIRMATION)))
                    .withMessage("a second opt-out confirmation sent 2025-06-02T12:00:05Z; only one confirmation is allowed"
                            + " after an opt-out");
        }
    }
}
