package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A window of local time within one day, from {@link #start()} inclusive to {@link #end()} exclusive,
 * in whole minutes; an end of {@code 24:00} is midnight at the end of the day. {@code 08:00-21:00}
 * permits 20:59:59 and not 21:00:00.
 *
 * @param startMinute minutes after midnight the window opens, 0 to 1439
 * @param endMinute minutes after midnight the window closes, after the start, up to 1440
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record DailyWindow(int startMinute, int endMinute) implements Comparable<DailyWindow> {

    private static final Pattern TEXT = Pattern.compile("(\\d{2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{2}):(\\d{2})");
    private static final int MINUTES_PER_DAY = 24 * 60;

    /** Checks that the window is a non-empty part of one day. */
    public DailyWindow {
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY || endMinute > MINUTES_PER_DAY) {
            throw new RuleDataException("Window " + format(startMinute) + "-" + format(endMinute)
                    + " is not within one day: a window opens between 00:00 and 23:59 and closes by 24:00");
        }
        if (endMinute <= startMinute) {
            throw new RuleDataException("Window " + format(startMinute) + "-" + format(endMinute)
                    + " is empty: it must close after it opens; a window across midnight is two windows on two days");
        }
    }

    /**
     * Parses a window.
     *
     * @param text for example {@code "08:00-21:00"} or {@code "14:00-24:00"}
     * @return the window
     * @throws RuleDataException if the text is not of that form or the window is empty
     */
    public static DailyWindow parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new RuleDataException("Window '" + text + "' is not of the form HH:MM-HH:MM, such as 08:00-21:00");
        }
        int startHour = Integer.parseInt(matcher.group(1));
        int startMinute = Integer.parseInt(matcher.group(2));
        int endHour = Integer.parseInt(matcher.group(3));
        int endMinute = Integer.parseInt(matcher.group(4));
        if (startMinute > 59 || endMinute > 59 || startHour > 23 || endHour > 24 || (endHour == 24 && endMinute > 0)) {
            throw new RuleDataException("Window '" + text + "' has a time that does not exist; hours run 00-23"
                    + " (24:00 only as an end), minutes 00-59");
        }
        return new DailyWindow(startHour * 60 + startMinute, endHour * 60 + endMinute);
    }

    /**
     * A window between two local times.
     *
     * @param start the opening time, inclusive; seconds must be zero
     * @param end the closing time, exclusive; seconds must be zero
     * @return the window
     */
    public static DailyWindow between(LocalTime start, LocalTime end) {
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new RuleDataException("Window " + start + "-" + end + " must start and end on whole minutes");
        }
        return new DailyWindow(start.getHour() * 60 + start.getMinute(), end.getHour() * 60 + end.getMinute());
    }

    /** @return the opening time */
    public LocalTime start() {
        return LocalTime.of(startMinute / 60, startMinute % 60);
    }

    /** @return the closing time; {@link LocalTime#MAX} stands for 24:00 in {@link #contains(LocalTime)} terms */
    public LocalTime end() {
        return endMinute == MINUTES_PER_DAY ? LocalTime.MAX : LocalTime.of(endMinute / 60, endMinute % 60);
    }

    /**
     * @param time a local time
     * @return whether the window permits it (start inclusive, end exclusive)
     */
    public boolean contains(LocalTime time) {
        int secondOfDay = time.toSecondOfDay();
        return secondOfDay >= startMinute * 60 && (endMinute == MINUTES_PER_DAY || secondOfDay < endMinute * 60);
    }

    /**
     * @param other another window
     * @return whether the two share any instant
     */
    public boolean overlaps(DailyWindow other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public int compareTo(DailyWindow other) {
        return startMinute != other.startMinute ? Integer.compare(startMinute, other.startMinute)
                : Integer.compare(endMinute, other.endMinute);
    }

    /** @return for example {@code "08:00-21:00"} */
    @Override
    public String toString() {
        return format(startMinute) + "-" + format(endMinute);
    }

    private static String format(int minuteOfDay) {
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        return new String(new char[] {(char) ('0' + hour / 10), (char) ('0' + hour % 10), ':',
                (char) ('0' + minute / 10), (char) ('0' + minute % 10)});
    }

    // Written out rather than generated: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // on first use, about 20 ms of method-handle spinning in a fresh test JVM (issue 19). Same meaning: every component.
    @Override
    public boolean equals(Object other) {
        return other instanceof DailyWindow that && startMinute == that.startMinute && endMinute == that.endMinute;
    }

    @Override
    public int hashCode() {
        return 31 * startMinute + endMinute;
    }
}
