package dev.complianceharness.sms.internal;

import dev.complianceharness.invariant.Jurisdiction;
import net.time4j.Moment;
import net.time4j.scale.TimeScale;
import net.time4j.tz.Timezone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The tables compiled at build time")
class CompiledTablesTest {

    @Test
    @DisplayName("come from the Jollyday and time4j-tzdata versions on the class path, and hold every calendar the shipped pack closes on")
    void current() {
        assertThat(Versions.holidayTablesCurrent()).as("rebuild harness-sms: the holiday tables are stale").isTrue();
        assertThat(Versions.zoneTableCurrent()).as("rebuild harness-sms: the zone table is stale").isTrue();
        assertThat(HolidayTable.calendars()).containsExactlyInAnyOrderElementsOf(CompiledTables.shippedHolidayCalendars())
                .contains("US-UT", "US-AL", "FR", "AU");
        assertThat(Versions.current().tzdata()).as("the table's tz version is time4j's own").isEqualTo(Versions.time4jTzdataVersion());
    }

    @Nested
    @DisplayName("public holidays")
    class Holidays {

        @Test
        @DisplayName("agree with Jollyday for every calendar and every year they cover")
        void agreeWithJollyday() {
            List<String> disagreements = new ArrayList<>();
            int years = 0;
            for (String calendar : HolidayTable.calendars()) {
                HolidayTable table = HolidayTable.read(calendar);
                for (int year = HolidayTable.FIRST_YEAR; year <= HolidayTable.LAST_YEAR; year++) {
                    years++;
                    List<HolidayCalendars.Holiday> jollyday = HolidayCalendars.fromJollyday(calendar, year);
                    if (!table.holidays(year).equals(jollyday)) {
                        disagreements.add(calendar + " " + year + ": table " + table.holidays(year) + ", Jollyday " + jollyday);
                    }
                }
            }
            assertThat(disagreements).isEmpty();
            assertThat(years).isEqualTo(HolidayTable.calendars().size() * (HolidayTable.LAST_YEAR - HolidayTable.FIRST_YEAR + 1));
        }

        @Test
        @DisplayName("are refused outside the covered years, with the reason, never answered as 'no holiday'")
        void outsideTheCoveredYears() {
            assertThatThrownBy(() -> HolidayCalendars.closures(Jurisdiction.of("US-UT"), false, 2102))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("harness-sms knows the public holidays of 1999 to 2101 only, not of 2102 (US-UT)");
            assertThatThrownBy(() -> HolidayCalendars.closures(Jurisdiction.of("DE-BY"), false, 1998))
                    .hasMessage("harness-sms knows the public holidays of 1999 to 2101 only, not of 1998 (DE-BY)");
        }

        @Test
        @DisplayName("of a calendar no shipped rule uses come from Jollyday itself")
        void otherCalendars() {
            assertThat(HolidayTable.calendars()).doesNotContain("DE-BY");
            assertThat(HolidayCalendars.problemWith(Jurisdiction.of("DE-BY"))).isEmpty();
            assertThat(HolidayCalendars.closures(Jurisdiction.of("DE-BY"), false, 2025)).containsKey(java.time.LocalDate.of(2025, 1, 6));
        }
    }

    @Nested
    @DisplayName("time-zone offsets")
    class Zones {

        @Test
        @DisplayName("hold every zone time4j-tzdata knows, with time4j's transitions over the covered years")
        void everyZone() {
            List<String> disagreements = new ArrayList<>();
            int zones = 0;
            for (String id : Time4jOffsets.candidateZoneIds()) {
                if (!ZoneTable.offsets(id).equals(Time4jOffsets.of(id))) {
                    disagreements.add(id);
                }
                zones += ZoneTable.isKnown(id) ? 1 : 0;
            }
            assertThat(disagreements).isEmpty();
            assertThat(zones).isGreaterThan(590);
            assertThat(ZoneTable.isKnown("America/Chicago")).isTrue();
            assertThat(ZoneTable.isKnown("US/Eastern")).as("a link").isTrue();
            assertThat(ZoneTable.isKnown("Mars/Olympus_Mons")).isFalse();
        }

        @Test
        @DisplayName("give time4j's offset one second before, at and after every transition of every zone")
        void offsetsAtEveryTransition() {
            List<String> disagreements = new ArrayList<>();
            long checked = 0;
            for (String id : Time4jOffsets.candidateZoneIds()) {
                if (!ZoneTable.isKnown(id)) {
                    continue;
                }
                ZoneTable.Offsets offsets = ZoneTable.offsets(id).orElseThrow();
                Timezone timezone = Timezone.of(id);
                for (long start : offsets.starts()) {
                    for (long second = start - 1; second <= start + 1; second++) {
                        checked++;
                        int expected = timezone.getOffset(Moment.of(second, TimeScale.POSIX)).getIntegralAmount();
                        if (second >= ZoneTable.START && offsets.offsetAt(second) != expected) {
                            disagreements.add(id + " at " + second + ": " + offsets.offsetAt(second) + " vs " + expected);
                        }
                    }
                }
            }
            assertThat(disagreements).isEmpty();
            assertThat(checked).isGreaterThan(100_000);
        }
    }
}
