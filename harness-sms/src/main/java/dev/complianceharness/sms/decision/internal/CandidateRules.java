package dev.complianceharness.sms.decision.internal;

import dev.complianceharness.sms.internal.CompiledTables;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One candidate zone with the rules that apply there, and the permitted local windows they leave on
 * each day: the intersection of the windows of every rule in effect that day.
 *
 * @param timeline the zone's offsets
 * @param rules the rules that apply, on any date
 */
public record CandidateRules(ZoneTimeline timeline, List<ContactWindowRule> rules) {

    private static final long[] WHOLE_DAY = {0, 24 * 60};

    /** Copies the rules. */
    public CandidateRules {
        rules = List.copyOf(rules);
    }

    /**
     * The permitted windows on a local date, as minute pairs {@code [start0, end0, start1, end1, ...]}.
     *
     * @param date the local date
     * @return the intersection over the rules in effect that day; the whole day if none is; none (closed) on a day
     *         outside the years harness-sms holds holidays and time-zone offsets for, so nothing is permitted there
     */
    public long[] windowsOn(LocalDate date) {
        if (!CompiledTables.covers(date)) {
            return new long[0];
        }
        long[] permitted = WHOLE_DAY;
        for (ContactWindowRule rule : rules) {
            if (rule.isInEffectOn(date)) {
                permitted = Schedule.intersect(permitted, rule.closedEveryDay() ? new long[0] : flatten(rule.windowsOn(date)));
                if (permitted.length == 0) {
                    return permitted;
                }
            }
        }
        return permitted;
    }

    /**
     * @param date the local date
     * @return the permitted windows on that date as {@link DailyWindow}s
     */
    public List<DailyWindow> dailyWindowsOn(LocalDate date) {
        long[] windows = windowsOn(date);
        List<DailyWindow> list = new ArrayList<>(windows.length / 2);
        for (int i = 0; i < windows.length; i += 2) {
            list.add(new DailyWindow((int) windows[i], (int) windows[i + 1]));
        }
        return list;
    }

    private static long[] flatten(List<DailyWindow> windows) {
        long[] flat = new long[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            flat[2 * i] = windows.get(i).startMinute();
            flat[2 * i + 1] = windows.get(i).endMinute();
        }
        return flat;
    }
}
