package dev.complianceharness.sms.internal;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.complianceharness.invariant.Jurisdiction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays from Jollyday, by ISO 3166 country or subdivision, with their actual and observed
 * dates, cached per calendar and year. Every holiday type counts (public, bank, observance): Jollyday
 * files some state legal holidays, such as Utah's Pioneer Day, as observances, and a day wrongly closed
 * only delays a message.
 *
 * <p>The calendars of the shipped rule pack come from tables compiled from Jollyday at build time
 * ({@link CompiledTables}), so that they cost no Jollyday start-up; other calendars (a team's rules) are asked of
 * Jollyday when first used. Closures are known for {@value CompiledTables#FIRST_COVERED_YEAR} to
 * {@value CompiledTables#LAST_COVERED_YEAR} only: other years fail with the reason, never "no holiday".
 */
public final class HolidayCalendars {

    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();
    private static final Map<String, HolidayTable> TABLES = new ConcurrentHashMap<>();
    private static final Map<String, Map<LocalDate, String>> CLOSURES = new ConcurrentHashMap<>();

    private HolidayCalendars() {
    }

    /**
     * One holiday as Jollyday answers for a year.
     *
     * @param date         the date Jollyday gives the holiday
     * @param actualDate   the date it falls on
     * @param observedDate the date it is observed on, or null
     * @param name         the English name
     */
    record Holiday(LocalDate date, LocalDate actualDate, LocalDate observedDate, String name) {
    }

    /**
     * Says why a calendar cannot be used, if it cannot.
     *
     * @param calendar a country or subdivision
     * @return the problem, or empty if Jollyday has the calendar
     */
    public static Optional<String> problemWith(Jurisdiction calendar) {
        if (HolidayTable.calendars().contains(calendar.code())) {
            return Optional.empty();
        }
        if (!HolidayManager.getSupportedCalendarCodes().contains(calendar.country())) {
            return Optional.of("Jollyday has no holiday calendar for country " + calendar.country());
        }
        if (calendar.isSubdivision()) {
            String subdivision = calendar.subdivision().orElseThrow().toLowerCase(Locale.ROOT);
            if (!manager(calendar.country()).getCalendarHierarchy().getChildren().containsKey(subdivision)) {
                return Optional.of("Jollyday's " + calendar.country() + " calendar has no subdivision '" + subdivision
                        + "'; it has " + new java.util.TreeSet<>(manager(calendar.country()).getCalendarHierarchy()
                        .getChildren().keySet()));
            }
        }
        return Optional.empty();
    }

    /**
     * The days closed for public holidays in a year: every holiday's actual and observed date, and with
     * the weekend shift also the Friday before a Saturday holiday and the Monday after a Sunday one.
     *
     * @param calendar a country or subdivision that {@link #problemWith(Jurisdiction)} accepts
     * @param weekendShift whether weekend holidays also close the nearest weekday
     * @param year the year, from {@value CompiledTables#FIRST_COVERED_YEAR} to {@value CompiledTables#LAST_COVERED_YEAR}
     * @return the closed days of that year, each with the holiday's name
     * @throws IllegalArgumentException for a year outside those harness-sms holds holidays for
     */
    public static Map<LocalDate, String> closures(Jurisdiction calendar, boolean weekendShift, int year) {
        if (year < CompiledTables.FIRST_COVERED_YEAR || year > CompiledTables.LAST_COVERED_YEAR) {
            throw new IllegalArgumentException("harness-sms knows the public holidays of " + CompiledTables.FIRST_COVERED_YEAR
                    + " to " + CompiledTables.LAST_COVERED_YEAR + " only, not of " + year + " (" + calendar + ")");
        }
        return CLOSURES.computeIfAbsent(calendar + "|" + weekendShift + "|" + year,
                key -> computeClosures(calendar, weekendShift, year));
    }

    private static Map<LocalDate, String> computeClosures(Jurisdiction calendar, boolean weekendShift, int year) {
        Map<LocalDate, String> closed = new TreeMap<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : holidays(calendar, y)) {
                String name = holiday.name();
                close(closed, holiday.date(), name, year);
                close(closed, holiday.actualDate(), name, year);
                if (holiday.observedDate() != null) {
                    close(closed, holiday.observedDate(), name + " (observed)", year);
                }
                if (weekendShift) {
                    LocalDate actual = holiday.actualDate();
                    if (actual.getDayOfWeek() == DayOfWeek.SATURDAY) {
                        close(closed, actual.minusDays(1), name + " (kept on the Friday before)", year);
                    } else if (actual.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        close(closed, actual.plusDays(1), name + " (kept on the Monday after)", year);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(closed);
    }

    private static List<Holiday> holidays(Jurisdiction calendar, int year) {
        if (HolidayTable.calendars().contains(calendar.code())) {
            return TABLES.computeIfAbsent(calendar.code(), HolidayTable::read).holidays(year);
        }
        return fromJollyday(calendar.code(), year);
    }

    /**
     * Jollyday's holidays of a calendar in a year, asked of Jollyday itself, in a fixed order (by date, then name):
     * Jollyday returns a hash set whose order changes from one JVM to the next, and a day with two holidays is named
     * after both in that order.
     */
    static List<Holiday> fromJollyday(String calendarCode, int year) {
        Jurisdiction calendar = Jurisdiction.of(calendarCode);
        String[] args = calendar.subdivision().map(s -> new String[] {s.toLowerCase(Locale.ROOT)}).orElse(new String[0]);
        List<Holiday> holidays = new ArrayList<>();
        for (de.focus_shift.jollyday.core.Holiday holiday : manager(calendar.country()).getHolidays(Year.of(year), args)) {
            holidays.add(new Holiday(holiday.getDate(), holiday.getActualDate(), holiday.getObservedDate().orElse(null),
                    holiday.getDescription(Locale.ENGLISH)));
        }
        holidays.sort(Comparator.comparing(Holiday::date).thenComparing(Holiday::name).thenComparing(Holiday::actualDate)
                .thenComparing(holiday -> String.valueOf(holiday.observedDate())));
        return holidays;
    }

    private static void close(Map<LocalDate, String> closed, LocalDate date, String name, int year) {
        if (date.getYear() == year) {
            closed.merge(date, name, (a, b) -> a.equals(b) ? a : a + ", " + b);
        }
    }

    private static HolidayManager manager(String country) {
        return MANAGERS.computeIfAbsent(country, code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
}
