package dev.complianceharness.sms.decision.internal;

import net.time4j.Moment;
import net.time4j.scale.TimeScale;
import net.time4j.tz.Timezone;
import net.time4j.tz.TransitionHistory;
import net.time4j.tz.ZonalTransition;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The UTC offsets of one zone over time, from the pinned time4j-tzdata database. */
public final class ZoneTimeline {

    private final ZoneId zone;
    private final Timezone timezone;

    /**
     * @param zone a region zone known to time4j-tzdata
     */
    public ZoneTimeline(ZoneId zone) {
        this.zone = zone;
        this.timezone = Timezone.of(zone.getId());
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param epochSecond an instant
     * @return the total UTC offset in seconds at that instant
     */
    public int offsetAt(long epochSecond) {
        return timezone.getOffset(moment(epochSecond)).getIntegralAmount();
    }

    /**
     * The offset segments covering a range: {@code starts[i]} is where offset {@code offsets[i]} begins; the
     * first start is {@code from}.
     *
     * @param from the first instant, epoch seconds
     * @param to the instant after the last, epoch seconds
     * @return two arrays: segment starts and their offsets
     */
    public long[][] segments(long from, long to) {
        List<long[]> segments = new ArrayList<>();
        segments.add(new long[] {from, offsetAt(from)});
        TransitionHistory history = timezone.getHistory();
        if (history != null) {
            for (ZonalTransition transition : history.getTransitions(moment(from), moment(to))) {
                long at = transition.getPosixTime();
                if (at > from && at < to) {
                    segments.add(new long[] {at, transition.getTotalOffset()});
                }
            }
        }
        long[] starts = new long[segments.size()];
        long[] offsets = new long[segments.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = segments.get(i)[0];
            offsets[i] = segments.get(i)[1];
        }
        return new long[][] {starts, offsets};
    }

    private static Moment moment(long epochSecond) {
        return Moment.of(epochSecond, TimeScale.POSIX);
    }
}
