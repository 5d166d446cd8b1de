package dev.complianceharness.sms.internal;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.complianceharness.invariant.Jurisdiction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
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
 */
public final class HolidayCalendars {

    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();
    private static final Map<String, Map<LocalDate, String>> CLOSURES = new ConcurrentHashMap<>();

    private HolidayCalendars() {
    }

    /**
     * Says why a calendar cannot be used, if it cannot.
     *
     * @param calendar a country or subdivision
     * @return the problem, or empty if Jollyday has the calendar
     */
    public static Optional<String> problemWith(Jurisdiction calendar) {
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
     * @param year the year
     * @return the closed days of that year, each with the holiday's name
     */
    public static Map<LocalDate, String> closures(Jurisdiction calendar, boolean weekendShift, int year) {
        return CLOSURES.computeIfAbsent(calendar + "|" + weekendShift + "|" + year,
                key -> computeClosures(calendar, weekendShift, year));
    }

    private static Map<LocalDate, String> computeClosures(Jurisdiction calendar, boolean weekendShift, int year) {
        HolidayManager manager = manager(calendar.country());
        String[] args = calendar.subdivision().map(s -> new String[] {s.toLowerCase(Locale.ROOT)}).orElse(new String[0]);
        Map<LocalDate, String> closed = new TreeMap<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : manager.getHolidays(Year.of(y), args)) {
                String name = holiday.getDescription(Locale.ENGLISH);
                close(closed, holiday.getDate(), name, year);
                close(closed, holiday.getActualDate(), name, year);
                holiday.getObservedDate().ifPresent(date -> close(closed, date, name + " (observed)", year));
                if (weekendShift) {
                    LocalDate actual = holiday.getActualDate();
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

    private static void close(Map<LocalDate, String> closed, LocalDate date, String name, int year) {
        if (date.getYear() == year) {
            closed.merge(date, name, (a, b) -> a.equals(b) ? a : a + ", " + b);
        }
    }

    private static HolidayManager manager(String country) {
        return MANAGERS.computeIfAbsent(country, code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
}
