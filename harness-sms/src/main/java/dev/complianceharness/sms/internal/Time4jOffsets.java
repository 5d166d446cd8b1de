package dev.complianceharness.sms.internal;

import net.time4j.Moment;
import net.time4j.scale.TimeScale;
import net.time4j.tz.TZID;
import net.time4j.tz.Timezone;
import net.time4j.tz.TransitionHistory;
import net.time4j.tz.ZonalTransition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Zone offsets as time4j computes them from time4j-tzdata: what {@link ZoneTable} is compiled from, and what it asks
 * when the compiled table does not match the tz data on the class path. Kept apart so that loading {@link ZoneTable}
 * loads no time4j class.
 */
final class Time4jOffsets {

    private Time4jOffsets() {
    }

    /** The offsets as time4j computes them, over the table's years; empty if time4j does not know the zone. */
    static Optional<ZoneTable.Offsets> of(String zoneId) {
        Timezone timezone;
        try {
            timezone = Timezone.of(zoneId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<long[]> segments = new ArrayList<>();
        segments.add(new long[] {ZoneTable.START, timezone.getOffset(moment(ZoneTable.START)).getIntegralAmount()});
        TransitionHistory history = timezone.getHistory();
        if (history != null) {
            for (ZonalTransition transition : history.getTransitions(moment(ZoneTable.START), moment(ZoneTable.END))) {
                long at = transition.getPosixTime();
                if (at > ZoneTable.START && at < ZoneTable.END) {
                    segments.add(new long[] {at, transition.getTotalOffset()});
                }
            }
        }
        long[] starts = new long[segments.size()];
        int[] offsets = new int[segments.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = segments.get(i)[0];
            offsets[i] = (int) segments.get(i)[1];
        }
        return Optional.of(new ZoneTable.Offsets(starts, offsets));
    }

    /**
     * @return every zone id time4j lists, and every region id of the JDK (links such as {@code US/Eastern}, which
     *         time4j resolves as aliases), sorted; {@link #of(String)} is empty for those time4j does not know
     */
    static List<String> candidateZoneIds() {
        TreeSet<String> ids = new TreeSet<>(java.time.ZoneId.getAvailableZoneIds());
        for (TZID id : Timezone.getAvailableIDs()) {
            ids.add(id.canonical());
        }
        return List.copyOf(ids);
    }

    private static Moment moment(long epochSecond) {
        return Moment.of(epochSecond, TimeScale.POSIX);
    }
}
