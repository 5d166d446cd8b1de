package dev.complianceharness.examples.sms;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The team's reading of one jurisdiction's contact rules for marketing texts: the daily window, the days on
 * which marketing is banned, and whether the 3-per-24-hours cap applies.
 *
 * @param weekdayWindow  the window Monday to Friday (and on weekends unless given below)
 * @param saturdayWindow the window on Saturdays
 * @param sundayWindow   the window on Sundays
 * @param noSundays      whether marketing is banned on Sundays
 * @param noHolidays     whether marketing is banned on public holidays
 * @param capped         whether at most 3 marketing messages may reach a recipient in 24 hours
 */
public record ContactRules(Window weekdayWindow, Window saturdayWindow, Window sundayWindow, boolean noSundays,
                           boolean noHolidays, boolean capped) {

    /** The federal rule, 47 CFR 64.1200(c)(1): 08:00–21:00 local time, every day. */
    public static final ContactRules FEDERAL = daily(8, 0, 21, 0);

    /** The strictest reading, for a US number whose state the team cannot tell. */
    public static final ContactRules STRICTEST = daily(9, 0, 18, 0).withoutSundays().withoutHolidays().withCap();

    /** Canada (CRTC Unsolicited Telecommunications Rules): weekdays 09:00–21:30, weekends 10:00–18:00. */
    public static final ContactRules CANADA = new ContactRules(Window.of(9, 0, 21, 30), Window.of(10, 0, 18, 0),
            Window.of(10, 0, 18, 0), false, false, false);

    /** The states whose rules are stricter than the federal one, by USPS code. */
    public static final Map<String, ContactRules> US_STATES = Map.ofEntries(
            Map.entry("FL", daily(8, 0, 20, 0).withCap()),
            Map.entry("OK", daily(8, 0, 20, 0).withCap()),
            Map.entry("MD", daily(8, 0, 20, 0).withCap()),
            Map.entry("CT", daily(9, 0, 20, 0)),
            Map.entry("WA", daily(8, 0, 20, 0)),
            Map.entry("MA", daily(8, 0, 20, 0)),
            Map.entry("UT", daily(8, 0, 21, 0).withoutSundays().withoutHolidays()),
            Map.entry("AL", daily(8, 0, 20, 0).withoutSundays().withoutHolidays()),
            Map.entry("LA", daily(8, 0, 20, 0).withoutSundays().withoutHolidays()),
            Map.entry("MS", daily(8, 0, 20, 0).withoutSundays()),
            Map.entry("RI", daily(9, 0, 18, 0).withoutSundays().withoutHolidays()),
            Map.entry("TX", new ContactRules(Window.of(9, 0, 21, 0), Window.of(9, 0, 21, 0), Window.of(12, 0, 21, 0),
                    false, false, false)));

    /** Checks that nothing is missing. */
    public ContactRules {
        Objects.requireNonNull(weekdayWindow, "weekdayWindow");
        Objects.requireNonNull(saturdayWindow, "saturdayWindow");
        Objects.requireNonNull(sundayWindow, "sundayWindow");
    }

    /**
     * The same window every day.
     *
     * @param openHour    opening hour
     * @param openMinute  opening minute
     * @param closeHour   closing hour
     * @param closeMinute closing minute
     * @return rules without day bans or cap
     */
    public static ContactRules daily(int openHour, int openMinute, int closeHour, int closeMinute) {
        Window window = Window.of(openHour, openMinute, closeHour, closeMinute);
        return new ContactRules(window, window, window, false, false, false);
    }

    /** @return these rules with a Sunday ban */
    public ContactRules withoutSundays() {
        return new ContactRules(weekdayWindow, saturdayWindow, sundayWindow, true, noHolidays, capped);
    }

    /** @return these rules with a public-holiday ban */
    public ContactRules withoutHolidays() {
        return new ContactRules(weekdayWindow, saturdayWindow, sundayWindow, noSundays, true, capped);
    }

    /** @return these rules with the 3-per-24-hours cap */
    public ContactRules withCap() {
        return new ContactRules(weekdayWindow, saturdayWindow, sundayWindow, noSundays, noHolidays, true);
    }

    /**
     * The window on a day of the week, ignoring holidays.
     *
     * @param day            the day of the week
     * @param honourSundayBan false only in the buggy variant that forgot the Sunday ban
     * @return the window, or empty if marketing is banned that day
     */
    public Optional<Window> windowOn(DayOfWeek day, boolean honourSundayBan) {
        return switch (day) {
            case SUNDAY -> noSundays && honourSundayBan ? Optional.empty() : Optional.of(sundayWindow);
            case SATURDAY -> Optional.of(saturdayWindow);
            default -> Optional.of(weekdayWindow);
        };
    }

    /**
     * A daily window of local time: from {@code opens} (inclusive) to {@code closes} (exclusive).
     *
     * @param opens  the first permitted local time
     * @param closes the first local time no longer permitted
     */
    public record Window(LocalTime opens, LocalTime closes) {

        /** Checks that the window is not empty. */
        public Window {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("A contact window must open before it closes: " + opens + "–" + closes);
            }
        }

        /**
         * A window.
         *
         * @param openHour    opening hour
         * @param openMinute  opening minute
         * @param closeHour   closing hour
         * @param closeMinute closing minute
         * @return the window
         */
        public static Window of(int openHour, int openMinute, int closeHour, int closeMinute) {
            return new Window(LocalTime.of(openHour, openMinute), LocalTime.of(closeHour, closeMinute));
        }
    }
}
