package dev.complianceharness.sms.internal;

import java.time.DayOfWeek;
import java.util.Locale;

/**
 * English day names for messages, written out: {@code DayOfWeek.getDisplayName} starts the JDK's locale data, tens of
 * milliseconds in a cold test JVM, for the same word.
 */
public final class DayNames {

    private DayNames() {
    }

    /**
     * @param day a day of the week
     * @return its English name, such as {@code "Monday"}
     */
    public static String english(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
