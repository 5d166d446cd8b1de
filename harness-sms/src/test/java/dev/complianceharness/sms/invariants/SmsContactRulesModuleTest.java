package dev.complianceharness.sms.invariants;

import static dev.complianceharness.testkit.InvariantAssertions.assertThatInvariant;
import static dev.complianceharness.testkit.InvariantAssertions.assertThatModule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.event.EventTrace;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.outbox.OptOutReceived;
import dev.complianceharness.sms.outbox.SmsSent;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.rules.RulePack;
import dev.complianceharness.sms.rules.PublicHolidays;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    @DisplayName("is ready to publish: every rule sourced or below high confidence with the reason, owned, tiered, reviewed")
    void isWellFormed() {
        assertThatModule(MODULE).isWellFormed();
        assertThatModule(MODULE)
                .wasReviewedWithin(Period.ofMonths(12), Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        assertThat(MODULE.invariants()).extracting(Invariant::id).contains("sms.quiet-hours",
                "sms.quiet-hours.us-tcpa-64-1200-c-1", "sms.quiet-hours.us-fl-501-616", "sms.quiet-hours.us-ut-13-25a-103",
                "sms.frequency-cap.us-fl", "sms.frequency-cap.us-ok", "sms.frequency-cap.us-md", "sms.opt-out-honoured");
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
                    .withEvidenceContaining("SmsSent[MARKETING to " + Redaction.token(PiiKind.PHONE, "+13055550147") + " at 2025-06-03T00:30:00Z]");
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
                    .withEvidenceContaining("SmsSent[MARKETING to " + Redaction.token(PiiKind.PHONE, "+12125550147") + ", address US-FL at 2025-06-03T00:30:00Z]");
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
                    .withMessageContaining("not permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+19995550147") + " at 2025-06-02T12:00:00Z:")
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
            assertThatModule(citedOnly).isWellFormed();
        }
    }

    /** A British team's module. */
    static final class DefaultRegionGb extends SmsContactRulesModule {
        DefaultRegionGb() {
            super(SmsPolicy.shipped().defaultRegion("GB", "our customers are British", "https://wiki.example/sms"));
        }
    }

    @Nested
    @DisplayName("a team's policy, one call per choice, shown in the report")
    class Policy {

        private static final Instant PIONEER_DAY_1000_IN_SALT_LAKE = Instant.parse("2025-07-24T16:00:00Z");
        private static final String SALT_LAKE = "+18015550147";

        @Test
        @DisplayName("shows the shipped answers as shipped defaults")
        void shippedDefaults() {
            assertThat(MODULE.policies()).extracting(PolicyChoice::policy).containsExactly("SMS jurisdictions covered",
                    "SMS public holidays", "SMS rule strictness", "SMS frequency caps owned by",
                    "SMS default region for numbers", "SMS country-wide zone lists");
            assertThat(MODULE.policies()).allSatisfy(choice -> assertThat(choice.reason()).startsWith("shipped default"));
        }

        @Test
        @DisplayName("holidays out of scope in one call: Utah's Pioneer Day is an ordinary Thursday")
        void holidaysNotCounted() {
            SmsContactRulesModule noHolidays = new HolidaysOutOfScope();
            EventTrace trace = EventTrace.of(marketing(SALT_LAKE, PIONEER_DAY_1000_IN_SALT_LAKE));

            assertThatInvariant(MODULE.quietHoursInvariant("us-ut-13-25a-103")).flags(trace)
                    .withMessageContaining("is closed on a public holiday (Pioneer Day, US-UT)");
            assertThatInvariant(noHolidays.quietHoursInvariant("us-ut-13-25a-103")).accepts(trace);
            assertThat(noHolidays.policies()).contains(PolicyChoice.of("SMS public holidays",
                    "not counted for every message kind", "counsel reads the holiday bans as voice-only", "memo LEGAL-212"));
            assertThatModule(noHolidays).isWellFormed();
        }

        @Test
        @DisplayName("jurisdictions in one call: the rules of others are not enforced, their recipients never permitted")
        void jurisdictions() {
            SmsContactRulesModule northAmerica = new NorthAmericaOnly();
            EventTrace paris = EventTrace.of(marketing("+33612345678", MONDAY_0800_IN_MIAMI));

            assertThat(northAmerica.invariants()).extracting(Invariant::id).contains("sms.quiet-hours.us-fl-501-616",
                    "sms.quiet-hours.ca-crtc-unsolicited-telecommunications").doesNotContain("sms.quiet-hours.fr-d223-9");
            assertThatInvariant(northAmerica.quietHoursInvariants().get(0)).flags(paris)
                    .withMessageContaining("FR is outside the jurisdictions the policy covers [US, CA]");
            assertThat(northAmerica.policies()).contains(PolicyChoice.of("SMS jurisdictions covered", "US, CA",
                    "Acme markets in North America only", ""));
        }

        @Test
        @DisplayName("caps owned by the campaign or outbox: not a scheduling invariant, still judged on recorded texts")
        void capOwner() {
            SmsContactRulesModule outboxCaps = new NorthAmericaOnly();

            assertThat(outboxCaps.capOwner()).isEqualTo(CapOwner.SENDER);
            assertThat(outboxCaps.schedulingInvariants()).extracting(Invariant::id)
                    .noneMatch(id -> id.startsWith("sms.frequency-cap"));
            assertThat(outboxCaps.invariants()).extracting(Invariant::id).contains("sms.frequency-cap.us-fl");
            assertThat(MODULE.schedulingInvariants()).extracting(Invariant::id).contains("sms.frequency-cap.us-fl");
        }
    }

    /** A team that treats holidays as ordinary days. */
    static final class HolidaysOutOfScope extends SmsContactRulesModule {
        HolidaysOutOfScope() {
            super(SmsPolicy.shipped().publicHolidays(PublicHolidays.NOT_COUNTED, "counsel reads the holiday bans as"
                    + " voice-only", "memo LEGAL-212"));
        }
    }

    /** A North American team whose outbox owns the caps. */
    static final class NorthAmericaOnly extends SmsContactRulesModule {
        NorthAmericaOnly() {
            super(SmsPolicy.shipped().jurisdictions(List.of("US", "CA"), "Acme markets in North America only", "")
                    .frequencyCapOwner(CapOwner.SENDER, "the campaign outbox counts every text", "ADR-31"));
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
                    .withEvidenceContaining("OptOutReceived[STOP from " + Redaction.token(PiiKind.PHONE, "+13055550147") + " at 2025-06-02T12:00:00Z]");
        }

        @ParameterizedTest(name = "recorded as {0}")
        @ValueSource(strings = {"3055550147", "(305) 555-0147", "+1 305-555-0147", "305.555.0147", "+13055550147"})
        @DisplayName("blocks marketing to +13055550147 after a STOP however the number was written (parsed as E.164, region US)")
        void comparesAsE164(String writtenAs) {
            assertThatInvariant(optOut).flags(EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, writtenAs, "STOP"),
                            marketing(MIAMI, MONDAY_0800_IN_MIAMI.plusSeconds(60))))
                    .times(1)
                    .withMessage("marketing text sent 2025-06-02T12:01:00Z after the recipient opted out (STOP received"
                            + " 2025-06-02T12:00:00Z)");
        }

        @Test
        @DisplayName("agrees with a hand-written NANP oracle on 600 STOPs in random formats against random recipients")
        void agreesWithOracle() {
            java.util.SplittableRandom random = new java.util.SplittableRandom(20261202L);
            String[] areaCodes = {"305", "212", "850", "208", "416", "604", "787"};
            int same = 0;
            for (int run = 0; run < 600; run++) {
                String area = areaCodes[random.nextInt(areaCodes.length)];
                String exchange = Integer.toString(200 + random.nextInt(800));
                String line = String.format(java.util.Locale.ROOT, "%04d", random.nextInt(10_000));
                String stopped = area + exchange + line;
                String texted = random.nextBoolean() ? stopped : areaCodes[random.nextInt(areaCodes.length)]
                        + (random.nextBoolean() ? exchange : Integer.toString(200 + random.nextInt(800))) + line;
                String writtenAs = switch (random.nextInt(6)) {
                    case 0 -> stopped;
                    case 1 -> "(" + area + ") " + exchange + "-" + line;
                    case 2 -> "+1 " + area + "-" + exchange + "-" + line;
                    case 3 -> "1-" + area + "-" + exchange + "-" + line;
                    case 4 -> area + "." + exchange + "." + line;
                    default -> "+1" + stopped;
                };
                boolean oracleSame = nanpDigits(writtenAs).equals(nanpDigits("+1" + texted));
                same += oracleSame ? 1 : 0;
                EventTrace trace = EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, writtenAs, "STOP"),
                        marketing("+1" + texted, MONDAY_0800_IN_MIAMI.plusSeconds(60)));
                assertThat(optOut.verify(trace)).as("STOP from %s, text to +1%s", writtenAs, texted).hasSize(oracleSame ? 1 : 0);
            }
            assertThat(same).isBetween(200, 400);
        }

        /** The ten digits of a NANP number however written: digits only, without the leading country code 1. */
        private String nanpDigits(String written) {
            String digits = written.replaceAll("[^0-9]", "");
            return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
        }

        @Test
        @DisplayName("does not confuse numbers of other countries with the same digits")
        void otherCountries() {
            assertThatInvariant(optOut).accepts(EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, "+44 3055 550147",
                    "STOP"), marketing(MIAMI, MONDAY_0800_IN_MIAMI.plusSeconds(60))));
        }

        @Test
        @DisplayName("reports an opt-out whose number cannot be read, never ignores it")
        void reportsUnreadableOptOut() {
            assertThatInvariant(optOut).flags(EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, "STOP-ME-NOW", "STOP"),
                            marketing(MIAMI, MONDAY_0800_IN_MIAMI.plusSeconds(60))))
                    .times(1)
                    .withMessage("an opt-out (STOP received 2025-06-02T12:00:00Z) came from " + Redaction.token(PiiKind.PHONE, "STOP-ME-NOW") + ", which cannot be"
                            + " read as a phone number (default region US), so the texts it stops cannot be told; record"
                            + " the number as the gateway received it");
        }

        @Test
        @DisplayName("reads numbers without a country code in the region the team's policy chooses")
        void defaultRegionFromPolicy() {
            SmsContactRulesModule british = new DefaultRegionGb();
            EventTrace trace = EventTrace.of(new OptOutReceived(MONDAY_0800_IN_MIAMI, "07911 123456", "STOP"),
                    marketing("+447911123456", MONDAY_0800_IN_MIAMI.plusSeconds(60)));

            assertThatInvariant(british.optOutInvariant()).flags(trace).times(1);
            assertThatInvariant(optOut).flags(trace).withMessageContaining("cannot be read as a phone number (default region US)");
            assertThat(british.policies()).contains(PolicyChoice.of("SMS default region for numbers", "GB",
                    "our customers are British", "https://wiki.example/sms"));
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
