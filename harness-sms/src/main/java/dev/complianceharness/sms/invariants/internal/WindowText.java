package dev.complianceharness.sms.invariants.internal;

import dev.complianceharness.sms.rules.DailyWindow;
import java.util.List;

/** How violation and assertion messages write a day's windows. */
public final class WindowText {

    private WindowText() {
    }

    /**
     * Writes a day's windows.
     *
     * @param windows the windows, in order
     * @param closed  what to write when there is none
     * @return for example {@code "10:00-13:00 and 14:00-20:00"}
     */
    public static String of(List<DailyWindow> windows, String closed) {
        if (windows.isEmpty()) {
            return closed;
        }
        StringBuilder text = new StringBuilder();
        for (DailyWindow window : windows) {
            text.append(text.length() == 0 ? "" : " and ").append(window);
        }
        return text.toString();
    }
}
