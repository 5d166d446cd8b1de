package dev.complianceharness.sms.decision;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.CountryWideZones;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.rules.RuleSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static dev.complianceharness.sms.MessageKind.MARKETING;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("QuietHours")
class QuietHoursTest {

    private static final QuietHours QUIET_HOURS = QuietHours.standard();
    private static final Recipient FLORIDA = Recipient.of("+13055550123");

    private static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    @Nested
    @DisplayName("for a Florida number")
    class Florida {

        @Test
        @DisplayName("forbids a marketing message at 20:30 local time, legal under the federal window, naming Florida's rule")
        void forbidsEveningUnderStateRule() {
            Decision decision = QUIET_HOURS.decide(FLORIDA, at("2025-06-02T20:30", "America/New_York"), MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.reason())
                    .startsWith("not permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+13055550123") + " at 2025-06-03T00:30:00Z")
                    .contains("US-FL in America/New_York: local time 2025-06-02T20:30 (Monday) is outside 08:00-20:00"
                            + " under Fla. Stat. 501.616(6) [US-FL, high confidence]")
                    .contains("next permitted 2025-06-03T12:00:00Z (2025-06-03T08:00 in America/New_York)")
                    .doesNotContain("3055550123");
            assertThat(decision.nextPermitted()).contains(at("2025-06-03T08:00", "America/New_York"));
            assertThat(decision.candidates()).singleElement().satisfies(candidate -> {
                assertThat(candidate.localTime()).isEqualTo(LocalDateTime.parse("2025-06-02T20:30"));
                assertThat(candidate.windows()).hasToString("[08:00-20:00]");
                assertThat(candidate.blockingRules()).extracting(rule -> rule.id()).containsExactly("us-fl-501.616");
                assertThat(candidate.rules()).extracting(rule -> rule.id())
                        .containsExactly("us-tcpa-64.1200-c-1", "us-fl-501.616");
            });
        }

        @Test
        @DisplayName("permits 19:59:59 and forbids 20:00:00: the window's end is exclusive")
        void windowEndIsExclusive() {
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2025-06-02T19:59:59", "America/New_York"), MARKETING).permitted())
                    .isTrue();
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2025-06-02T20:00", "America/New_York"), MARKETING).permitted())
                    .isFalse();
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2025-06-02T08:00", "America/New_York"), MARKETING).permitted())
                    .isTrue();
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2025-06-02T07:59:59", "America/New_York"), MARKETING).permitted())
                    .isFalse();
        }

        @Test
        @DisplayName("says until when a permitted message stays permitted")
        void permittedUntil() {
            Decision decision = QUIET_HOURS.decide(FLORIDA, at("2025-06-02T12:00", "America/New_York"), MARKETING);

            assertThat(decision.permitted()).isTrue();
            assertThat(decision.nextPermitted()).contains(decision.instant());
            assertThat(decision.permittedUntil()).contains(at("2025-06-02T20:00", "America/New_York"));
            assertThat(decision.reason()).startsWith("permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+13055550123") + "");
        }

        @Test
        @DisplayName("applies the federal 21:00 window before Florida's rule took effect (2021-07-01)")
        void effectiveDates() {
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2021-06-30T20:30", "America/New_York"), MARKETING).permitted())
                    .isTrue();
            assertThat(QUIET_HOURS.decide(FLORIDA, at("2021-07-01T20:30", "America/New_York"), MARKETING).permitted())
                    .isFalse();
        }

        @Test
        @DisplayName("does not restrict transactional messages, which no shipped rule covers")
        void transactional() {
            Decision decision = QUIET_HOURS.decide(FLORIDA, at("2025-06-02T03:00", "America/New_York"),
                    MessageKind.TRANSACTIONAL);

            assertThat(decision.permitted()).isTrue();
            assertThat(decision.reason()).contains("is not restricted: no rule in effect covers this message kind there");
        }
    }

    @Nested
    @DisplayName("across several candidates")
    class Candidates {

        @Test
        @DisplayName("permits a message only where every zone of a split exchange permits it (Idaho: Boise and Los Angeles)")
        void splitExchange() {
            Recipient idaho = Recipient.of("+12085550100");
            // 08:30 in Boise is 07:30 in Los Angeles
            Decision early = QUIET_HOURS.decide(idaho, at("2025-06-02T08:30", "America/Boise"), MARKETING);

            assertThat(early.permitted()).isFalse();
            assertThat(early.candidates()).hasSize(3);   // and Denver: other exchanges of 208 5xx are on Mountain time
            assertThat(early.blockingCandidates()).singleElement()
                    .satisfies(candidate -> assertThat(candidate.location().zone()).isEqualTo(ZoneId.of("America/Los_Angeles")));
            assertThat(early.nextPermitted()).contains(at("2025-06-02T08:00", "America/Los_Angeles"));
        }

        @Test
        @DisplayName("adds the address's state and zones: a Florida number with a Utah address is closed on Sunday")
        void addressAddsCandidates() {
            Recipient recipient = FLORIDA.withAddressIn("US-UT");
            Decision sunday = QUIET_HOURS.decide(recipient, at("2025-06-01T12:00", "America/New_York"), MARKETING);

            assertThat(sunday.permitted()).isFalse();
            assertThat(sunday.resolution().jurisdictions()).hasToString("[US-FL, US-UT]");
            assertThat(sunday.reason()).contains("on a day closed on Sundays under Utah Code § 13-25a-103(3)");
            assertThat(sunday.nextPermitted()).contains(at("2025-06-02T08:00", "America/Denver"));
        }

        @Test
        @DisplayName("adds the profile zone")
        void profileZone() {
            Recipient recipient = FLORIDA.withProfileZone("Asia/Calcutta");
            Decision decision = QUIET_HOURS.decide(recipient, at("2025-06-02T12:00", "America/New_York"), MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.resolution().zones()).extracting(ZoneId::getId)
                    .containsExactly("America/New_York", "Asia/Calcutta");
        }
    }

    @Nested
    @DisplayName("fails closed")
    class FailsClosed {

        @Test
        @DisplayName("for an instant outside the years its holiday and time-zone tables cover, with the reason")
        void outsideTheDecidableYears() {
            Recipient utah = Recipient.of("+18015550123");

            Decision after = QUIET_HOURS.decide(utah, Instant.parse("2101-01-01T00:00:00Z"), MARKETING);
            Decision before = QUIET_HOURS.decide(utah, Instant.parse("1999-12-31T23:59:59Z"), MARKETING);

            assertThat(after.permitted()).isFalse();
            assertThat(after.nextPermitted()).isEmpty();
            assertThat(after.reason()).isEqualTo("not permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+18015550123") + " at"
                    + " 2101-01-01T00:00:00Z: the instant 2101-01-01T00:00:00Z is outside the years harness-sms decides"
                    + " for: 2000 to 2100 (UTC), the years its public-holiday and time-zone tables cover (Jollyday 2.19.0,"
                    + " tzdata 2025a)");
            assertThat(before.permitted()).isFalse();
            assertThat(before.reason()).contains("the instant 1999-12-31T23:59:59Z is outside the years harness-sms"
                    + " decides for: 2000 to 2100 (UTC)");
        }

        @Test
        @DisplayName("up to the end of the years it covers, and finds the next permitted instant in the year after")
        void lastCoveredDays() {
            Recipient utah = Recipient.of("+18015550123");

            Decision lastThursday = QUIET_HOURS.decide(utah, at("2100-12-30T20:00", "America/Denver"), MARKETING);
            Decision newYearObserved = QUIET_HOURS.decide(utah, at("2100-12-31T12:00", "America/Denver"), MARKETING);

            assertThat(lastThursday.permitted()).isTrue();
            assertThat(lastThursday.permittedUntil()).hasValue(at("2100-12-30T21:00", "America/Denver"));
            assertThat(newYearObserved.permitted()).isFalse();
            assertThat(newYearObserved.reason()).contains("New Year's Day (observed), US-UT");
            assertThat(newYearObserved.nextPermitted()).as("Saturday New Year's Day, then Sunday")
                    .hasValue(at("2101-01-03T08:00", "America/Denver"));
        }

        @Test
        @DisplayName("for a number that is not E.164")
        void notE164() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("850 555 0123"), Instant.parse("2025-06-02T16:00:00Z"),
                    MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.nextPermitted()).isEmpty();
            assertThat(decision.reason()).contains("is not in E.164 form").doesNotContain("555 0123");
        }

        @Test
        @DisplayName("for an invalid number")
        void invalidNumber() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("+15555550100"), Instant.parse("2025-06-02T16:00:00Z"),
                    MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.reason()).contains("is not a valid number in any numbering plan");
        }

        @Test
        @DisplayName("for a toll-free number, whose zones are the country-wide list of 42")
        void countryWide() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("+18005550100"), Instant.parse("2025-06-02T16:00:00Z"),
                    MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.reason()).contains("finer than the country-wide list of 42 zones for +1");
        }

        @Test
        @DisplayName("for an Australian mobile unless the team accepts all of the country's zones")
        void australianMobile() {
            Recipient mobile = Recipient.of("+61412345678");
            Instant tuesdayNoonSydney = at("2025-06-03T15:00", "Australia/Sydney");

            assertThat(QUIET_HOURS.decide(mobile, tuesdayNoonSydney, MARKETING).reason())
                    .contains("country-wide list of 8 zones for +61");
            QuietHours allZones = QuietHours.of(RuleSet.standard(),
                    RecipientResolver.withCountryWideZones(CountryWideZones.ALL_ZONES_OF_THE_COUNTRY));
            Decision decision = allZones.decide(mobile, tuesdayNoonSydney, MARKETING);
            assertThat(decision.permitted()).isTrue();
            assertThat(decision.candidates()).hasSize(8);
        }

        @Test
        @DisplayName("for an unknown profile zone")
        void unknownProfileZone() {
            Decision decision = QUIET_HOURS.decide(FLORIDA.withProfileZone("Etc/Unknown"),
                    Instant.parse("2025-06-02T16:00:00Z"), MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.reason()).contains("the profile time zone is 'Etc/Unknown', which is not a place");
        }

        @Test
        @DisplayName("for a country no rule covers")
        void uncoveredCountry() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("+5511987654321"), Instant.parse("2025-06-02T16:00:00Z"),
                    MARKETING);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.reason()).contains("no rule covers BR");
        }
    }

    @Nested
    @DisplayName("outside the US")
    class International {

        @Test
        @DisplayName("keeps France's lunch break and closes its public holidays")
        void france() {
            Recipient paris = Recipient.of("+33612345678");
            assertThat(QUIET_HOURS.decide(paris, at("2025-06-03T13:30", "Europe/Paris"), MARKETING).permitted()).isFalse();
            assertThat(QUIET_HOURS.decide(paris, at("2025-06-03T14:00", "Europe/Paris"), MARKETING).permitted()).isTrue();
            Decision bastilleDay = QUIET_HOURS.decide(paris, at("2025-07-14T11:00", "Europe/Paris"), MARKETING);
            assertThat(bastilleDay.permitted()).isFalse();
            assertThat(bastilleDay.reason()).contains("public holiday");
            assertThat(bastilleDay.nextPermitted()).contains(at("2025-07-15T10:00", "Europe/Paris"));
        }

        @Test
        @DisplayName("takes a British mobile, whose four zones are one clock, as located")
        void britishMobile() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("+447400123456"), at("2025-06-03T03:00", "Europe/London"),
                    MARKETING);

            assertThat(decision.permitted()).as(decision.reason()).isTrue();
            assertThat(decision.candidates()).hasSize(4);
            assertThat(QUIET_HOURS.decide(Recipient.of("+447911123456"), at("2025-06-03T03:00", "Europe/London"),
                    MARKETING).reason()).contains("no rule covers GG");
        }

        @Test
        @DisplayName("treats a country with no statutory hours as covered")
        void unitedKingdom() {
            Decision decision = QUIET_HOURS.decide(Recipient.of("+442079460958"), at("2025-06-03T03:00", "Europe/London"),
                    MARKETING);
            assertThat(decision.permitted()).as(decision.reason()).isTrue();
        }
    }

    @Nested
    @DisplayName("across DST")
    class Dst {

        @Test
        @DisplayName("finds the next window after the spring-forward gap in local time, not an hour off")
        void springForward() {
            Decision night = QUIET_HOURS.decide(FLORIDA, Instant.parse("2025-03-09T06:30:00Z"), MARKETING);

            assertThat(night.permitted()).isFalse();
            assertThat(night.nextPermitted()).contains(Instant.parse("2025-03-09T12:00:00Z"));
        }

        @Test
        @DisplayName("closes at 20:00 EST on the day the clocks fall back")
        void fallBack() {
            assertThat(QUIET_HOURS.decide(FLORIDA, Instant.parse("2025-11-03T00:59:59Z"), MARKETING).permitted()).isTrue();
            assertThat(QUIET_HOURS.decide(FLORIDA, Instant.parse("2025-11-03T01:00:00Z"), MARKETING).permitted()).isFalse();
        }
    }

    @Nested
    @DisplayName("with the recipient's sending history")
    class WithHistory {

        private final Recipient miami = Recipient.of("+13055550147");
        private final SendingHistory three = SendingHistory.of(MARKETING, List.of(Instant.parse("2025-06-03T14:00:00Z"),
                Instant.parse("2025-06-03T14:10:00Z"), Instant.parse("2025-06-03T14:20:00Z")));

        @Test
        @DisplayName("explains Florida's cap and computes its next permitted instant like a window's")
        void capReached() {
            Decision decision = QUIET_HOURS.decide(miami, Instant.parse("2025-06-03T14:30:00Z"), MARKETING, three);

            assertThat(decision.permitted()).isFalse();
            assertThat(decision.nextPermitted()).contains(Instant.parse("2025-06-04T14:00:00Z"));
            assertThat(decision.caps()).singleElement().satisfies(cap -> {
                assertThat(cap.permitted()).isFalse();
                assertThat(cap.cap().regulation().citation()).isEqualTo("Fla. Stat. 501.616(6)");
            });
            assertThat(decision.reason()).isEqualTo("not permitted: MARKETING message to " + Redaction.token(PiiKind.PHONE, "+13055550147") + " at"
                    + " 2025-06-03T14:30:00Z: US-FL cap of 3 marketing messages per 24 h under Fla. Stat. 501.616(6)"
                    + " [US-FL, high confidence] is reached: 3 already sent or planned within 24 h of it, at"
                    + " [2025-06-03T14:00:00Z, 2025-06-03T14:10:00Z, 2025-06-03T14:20:00Z]; the cap permits the next from"
                    + " 2025-06-04T14:00:00Z; next permitted 2025-06-04T14:00:00Z (2025-06-04T10:00 in America/New_York)");
        }

        @Test
        @DisplayName("combines the cap with the windows: released at 19:30 local, when the window is open again")
        void capAndWindow() {
            SendingHistory evening = SendingHistory.of(MARKETING, List.of(Instant.parse("2025-06-03T23:30:00Z"),
                    Instant.parse("2025-06-03T23:40:00Z"), Instant.parse("2025-06-03T23:50:00Z")));

            Decision decision = QUIET_HOURS.decide(miami, Instant.parse("2025-06-04T00:00:00Z"), MARKETING, evening);

            assertThat(decision.nextPermitted()).contains(Instant.parse("2025-06-04T23:30:00Z"));
        }

        @Test
        @DisplayName("counts planned messages too, and leaves recipients no cap claims alone")
        void plannedAndUncapped() {
            Decision beforePlanned = QUIET_HOURS.decide(miami, Instant.parse("2025-06-03T13:00:00Z"), MARKETING, three);
            Decision newYork = QUIET_HOURS.decide(Recipient.of("+12125550147"), Instant.parse("2025-06-03T14:30:00Z"),
                    MARKETING, three);

            assertThat(beforePlanned.permitted()).isFalse();
            assertThat(newYork.permitted()).isTrue();
            assertThat(newYork.caps()).isEmpty();
        }
    }
}
