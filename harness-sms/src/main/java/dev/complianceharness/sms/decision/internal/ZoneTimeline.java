package dev.complianceharness.sms.decision.internal;

import dev.complianceharness.sms.internal.ZoneTable;

import java.time.ZoneId;
import java.util.Arrays;

/**
 * The UTC offsets of one zone over time, from the pinned time4j-tzdata database, as compiled at build time
 * ({@link ZoneTable}) for the years harness-sms decides for.
 */
public final class ZoneTimeline {

    private final ZoneId zone;
    private final ZoneTable.Offsets offsets;

    /**
     * @param zone a region zone known to the pinned tz database ({@link ZoneTable#isKnown(String)})
     * @throws IllegalArgumentException if the pinned tz database does not know the zone
     */
    public ZoneTimeline(ZoneId zone) {
        this.zone = zone;
        this.offsets = ZoneTable.offsets(zone.getId()).orElseThrow(() -> new IllegalArgumentException("the zone "
                + zone.getId() + " is not a region zone of the pinned tz database"));
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param epochSecond an instant within the years the table covers
     * @return the total UTC offset in seconds at that instant
     */
    public int offsetAt(long epochSecond) {
        return offsets.offsetAt(epochSecond);
    }

    /**
     * The offset segments covering a range: {@code starts[i]} is where offset {@code offsets[i]} begins; the
     * first start is {@code from}. Outside the years the table covers the offsets are its first or last, which only
     * days no decision permits anything on use.
     *
     * @param from the first instant, epoch seconds
     * @param to the instant after the last, epoch seconds
     * @return two arrays: segment starts and their offsets
     */
    public long[][] segments(long from, long to) {
        long[] starts = offsets.starts();
        int first = Arrays.binarySearch(starts, from);
        first = first >= 0 ? first + 1 : -first - 1;
        int last = first;
        while (last < starts.length && starts[last] < to) {
            last++;
        }
        long[] segmentStarts = new long[1 + last - first];
        long[] segmentOffsets = new long[segmentStarts.length];
        segmentStarts[0] = from;
        segmentOffsets[0] = offsetAt(from);
        for (int i = first; i < last; i++) {
            segmentStarts[1 + i - first] = starts[i];
            segmentOffsets[1 + i - first] = offsets.offsets()[i];
        }
        return new long[][] {segmentStarts, segmentOffsets};
    }
}
