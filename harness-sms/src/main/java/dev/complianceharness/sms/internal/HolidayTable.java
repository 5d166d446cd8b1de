package dev.complianceharness.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public holidays of one calendar as Jollyday answers for each year, compiled at build time into a resource
 * ({@code holidays-US-UT.tsv}: year, date, actual date, observed date or {@code -}, English name), so that a decision
 * does not start Jollyday. It covers the years a closure lookup needs: one before the first covered year to one after
 * the last.
 */
final class HolidayTable {

    static final int FIRST_YEAR = CompiledTables.FIRST_COVERED_YEAR - 1;
    static final int LAST_YEAR = CompiledTables.LAST_COVERED_YEAR + 1;

    private final Map<Integer, List<HolidayCalendars.Holiday>> byYear;

    private HolidayTable(Map<Integer, List<HolidayCalendars.Holiday>> byYear) {
        this.byYear = byYear;
    }

    static String resourceName(String calendar) {
        return "holidays-" + calendar + ".tsv";
    }

    /** @return the calendars compiled, when they come from the Jollyday version on the class path; else none */
    static Set<String> calendars() {
        if (!Versions.holidayTablesCurrent()) {
            return Set.of();
        }
        return Set.of(Versions.tableIndex().getProperty(CompiledTables.HOLIDAY_CALENDARS, "").split(","));
    }

    /**
     * @param year a year from {@link #FIRST_YEAR} to {@link #LAST_YEAR}
     * @return Jollyday's holidays of that year
     */
    List<HolidayCalendars.Holiday> holidays(int year) {
        List<HolidayCalendars.Holiday> holidays = byYear.get(year);
        if (holidays == null) {
            throw new IllegalArgumentException("the compiled holiday table covers " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", not " + year);
        }
        return holidays;
    }

    /** Compiles one calendar from Jollyday, for the build. */
    static String compile(String calendar) {
        StringBuilder text = new StringBuilder("# ").append(calendar).append(": public holidays from Jollyday ")
                .append(Versions.mavenVersion("de.focus-shift", "jollyday-core")).append(", ").append(FIRST_YEAR)
                .append(" to ").append(LAST_YEAR).append("\n# year\tdate\tactual date\tobserved date\tname\n");
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (HolidayCalendars.Holiday holiday : HolidayCalendars.fromJollyday(calendar, year)) {
                text.append(year).append('\t').append(holiday.date()).append('\t').append(holiday.actualDate()).append('\t')
                        .append(holiday.observedDate() == null ? "-" : holiday.observedDate()).append('\t')
                        .append(holiday.name()).append('\n');
            }
        }
        return text.toString();
    }

    /** Reads one calendar's table. */
    static HolidayTable read(String calendar) {
        String resource = resourceName(calendar);
        String text;
        try (InputStream in = HolidayTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("harness-sms resource " + resource + " is missing although "
                        + CompiledTables.INDEX + " lists it: rebuild harness-sms");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read harness-sms resource " + resource, e);
        }
        Map<Integer, List<HolidayCalendars.Holiday>> byYear = new HashMap<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            byYear.put(year, new ArrayList<>());
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (text.charAt(start) != '#' && end > start) {
                String[] columns = text.substring(start, end).split("\t", 5);
                byYear.get(Integer.parseInt(columns[0])).add(new HolidayCalendars.Holiday(date(columns[1]),
                        date(columns[2]), "-".equals(columns[3]) ? null : date(columns[3]), columns[4]));
            }
            start = end + 1;
        }
        byYear.replaceAll((year, holidays) -> List.copyOf(holidays));
        return new HolidayTable(byYear);
    }

    private static LocalDate date(String text) {
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }
}
