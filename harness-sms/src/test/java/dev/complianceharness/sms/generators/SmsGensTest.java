package dev.complianceharness.sms.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.property.Property;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SmsGens")
class SmsGensTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 1, 1);

    private static ResolvedRecipient resolve(String number) {
        return RecipientResolver.standard().resolve(Recipient.of(number));
    }

    @Nested
    @DisplayName("phone numbers")
    class PhoneNumbers {

        @Test
        @DisplayName("of a state resolve to that state")
        void ofAState() {
            Property.forAll(SmsGens.phoneNumbers("US-FL")).tries(300).seed(1L)
                    .label(number -> number.startsWith("+1850") ? "area code 850" : null)
                    .requireCoverage("area code 850", 3)
                    .check(number -> assertThat(resolve(number).jurisdictions()).contains(Jurisdiction.of("US-FL")));
        }

        @Test
        @DisplayName("of a country outside North America are valid numbers of that country")
        void ofACountry() {
            for (String country : List.of("FR", "AU", "IN")) {
                Property.forAll(SmsGens.phoneNumbers(country)).tries(100).seed(2L).check(number ->
                        assertThat(resolve(number).regionCode()).contains(country));
            }
            Property.forAll(SmsGens.phoneNumbers("FR")).tries(50).seed(2L).check(number ->
                    assertThat(resolve(number).jurisdictions()).containsExactly(Jurisdiction.of("FR")));
        }

        @Test
        @DisplayName("in an area code use every exchange")
        void inAnAreaCode() {
            Property.forAll(SmsGens.phoneNumbersInAreaCode(208)).tries(300).seed(3L)
                    .label(number -> resolve(number).zones().size() > 1 ? "two zones" : "one zone")
                    .requireCoverage("two zones", 5)
                    .requireCoverage("one zone", 5)
                    .check(number -> assertThat(number).startsWith("+1208").hasSize(12));
        }

        @Test
        @DisplayName("in multi-zone exchanges resolve to several zones")
        void multiZone() {
            Property.forAll(SmsGens.multiZoneNumbers()).tries(200).seed(4L)
                    .check(number -> assertThat(resolve(number).zones()).hasSizeGreaterThan(1));
        }

        @Test
        @DisplayName("without a known zone never resolve")
        void withoutKnownZone() {
            Property.forAll(SmsGens.numbersWithoutKnownZone()).tries(200).seed(5L)
                    .check(number -> assertThat(resolve(number).isLocated()).as(number).isFalse());
        }

        @Test
        @DisplayName("reject jurisdictions they cannot serve, saying what to use")
        void rejectBadJurisdictions() {
            assertThatThrownBy(() -> SmsGens.phoneNumbers("US-ZZ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No area code serves 'US-ZZ' in the NANP table; use the ISO 3166-2 code of a US state or"
                            + " Canadian province, such as US-FL or CA-ON");
            assertThatThrownBy(() -> SmsGens.phoneNumbers("FR-75")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Numbers outside North America carry no subdivision; use the country code 'FR' instead of"
                            + " 'FR-75'");
            assertThatThrownBy(() -> SmsGens.phoneNumbersInAreaCode(100)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Area code 100 is not a North American area code (200–999)");
        }
    }

    @Nested
    @DisplayName("instants")
    class Instants {

        private final List<Instant> transitions = SmsGens.dstTransitions(List.of(NEW_YORK),
                FROM.atStartOfDay(NEW_YORK).toInstant(), TO.atStartOfDay(NEW_YORK).toInstant());

        @Test
        @DisplayName("favour DST transitions, window edges ±1 s, midnight, holidays and Sundays, within the range")
        void favourEdges() {
            Property.forAll(SmsGens.instantsNear(List.of(NEW_YORK), FROM, TO, Optional.of("US"))).tries(1000).seed(6L)
                    .label(this::nearTransition).label(SmsGensTest::atWindowEdge).label(SmsGensTest::atMidnight)
                    .label(SmsGensTest::onSunday).label(this::onHoliday)
                    .requireCoverage("within 1 h of a DST transition", 5)
                    .requireCoverage("at a window edge ±1 s", 15)
                    .requireCoverage("at local midnight ±1 s", 3)
                    .requireCoverage("on a Sunday", 10)
                    .requireCoverage("on a US public holiday", 3)
                    .check(instant -> assertThat(instant).isBetween(FROM.atStartOfDay(NEW_YORK).minusDays(1).toInstant(),
                            TO.atStartOfDay(NEW_YORK).plusDays(1).toInstant()));
        }

        @Test
        @DisplayName("list every DST transition of the range")
        void transitions() {
            assertThat(transitions).hasSize(4).contains(Instant.parse("2025-03-09T07:00:00Z"),
                    Instant.parse("2025-11-02T06:00:00Z"));
        }

        @Test
        @DisplayName("reject an empty range or no zone")
        void rejectBadRanges() {
            assertThatThrownBy(() -> SmsGens.instantsNear(List.of(), FROM, TO, Optional.empty()))
                    .hasMessage("instantsNear needs at least one time zone");
            assertThatThrownBy(() -> SmsGens.instantsNear(List.of(NEW_YORK), TO, FROM, Optional.empty()))
                    .hasMessage("instantsNear needs from (2027-01-01) before to (2025-01-01)");
        }

        private final List<LocalDate> holidays = InstantGens.holidays(FROM, TO, "US", List.of());

        private String onHoliday(Instant instant) {
            return holidays.contains(instant.atZone(NEW_YORK).toLocalDate()) ? "on a US public holiday" : null;
        }

        private String nearTransition(Instant instant) {
            return transitions.stream().anyMatch(transition -> Duration.between(transition, instant).abs()
                    .compareTo(Duration.ofHours(1)) <= 0) ? "within 1 h of a DST transition" : null;
        }
    }

    private static String atWindowEdge(Instant instant) {
        LocalTime local = instant.atZone(NEW_YORK).toLocalTime();
        for (LocalTime edge : InstantGens.WINDOW_EDGES) {
            if (Duration.between(edge, local).abs().getSeconds() <= 1) {
                return "at a window edge ±1 s";
            }
        }
        return null;
    }

    private static String atMidnight(Instant instant) {
        ZonedDateTime local = instant.atZone(NEW_YORK);
        int second = local.toLocalTime().toSecondOfDay();
        return second <= 1 || second >= 86_399 ? "at local midnight ±1 s" : null;
    }

    private static String onSunday(Instant instant) {
        return instant.atZone(NEW_YORK).getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? "on a Sunday" : null;
    }
}
