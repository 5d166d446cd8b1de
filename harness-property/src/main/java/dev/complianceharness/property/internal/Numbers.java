package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;

/**
 * Draws integers so that they shrink towards zero (or the bound nearest to it): choice 0 is the target,
 * then the values alternate around it, +1, −1, +2, −2, … until one side of the range is used up.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A range of longs that shrinks towards the value nearest zero and favours the bounds, zero and ±1 in
     * random generation.
     *
     * @param min the lower bound
     * @param max the upper bound (inclusive)
     * @return the range
     */
    public static LongRange range(long min, long max) {
        long target = target(min, max);
        return new LongRange(min, max, target, edgeChoices(min, max, target));
    }

    /** A range of longs, ready to draw from. */
    public static final class LongRange {
        private final long min;
        private final long max;
        private final long target;
        private final long[] edgeChoices;
        /** How far both sides of the target reach (unsigned), and whether the rest lies above it. */
        private final long paired;
        private final boolean restAbove;

        LongRange(long min, long max, long target, long[] edgeChoices) {
            this.min = min;
            this.max = max;
            this.target = target;
            this.edgeChoices = edgeChoices;
            long below = target - min;
            long above = max - target;
            this.paired = Long.compareUnsigned(below, above) < 0 ? below : above;
            this.restAbove = Long.compareUnsigned(above, below) > 0;
        }

        /**
         * Draws a value.
         *
         * @param choices where to draw from
         * @return a value in the range
         */
        public long draw(Choices choices) {
            return fromOffset(choices.drawFavouring(min, max, edgeChoices) - min, target, paired, restAbove);
        }
    }

    static long target(long min, long max) {
        return min > 0 ? min : max < 0 ? max : 0;
    }

    private static long[] edgeChoices(long min, long max, long target) {
        long[] values = {min, max, 0, 1, -1, min + 1, max - 1};
        long[] offsets = new long[values.length];
        int count = 0;
        for (long value : values) {
            if (value >= min && value <= max) {
                offsets[count++] = min + toOffset(value, min, max, target);
            }
        }
        return java.util.Arrays.copyOf(offsets, count);
    }

    /**
     * The value at a choice's offset: the target, then alternately above and below it, then the rest.
     *
     * @param offset    the choice's offset from the range's minimum (unsigned)
     * @param target    the value nearest zero
     * @param paired    how far both sides of the target reach (unsigned)
     * @param restAbove whether the values beyond the paired ones lie above the target
     * @return the value
     */
    static long fromOffset(long offset, long target, long paired, boolean restAbove) {
        if (offset == 0) {
            return target;
        }
        if (Long.compareUnsigned(offset, paired * 2) <= 0) {
            long distance = (offset + 1) >>> 1;
            return (offset & 1) == 1 ? target + distance : target - distance;
        }
        long rest = offset - paired;
        return restAbove ? target + rest : target - rest;
    }

    static long toOffset(long value, long min, long max, long target) {
        if (value == target) {
            return 0;
        }
        long below = target - min;
        long above = max - target;
        long paired = Long.compareUnsigned(below, above) < 0 ? below : above;
        boolean up = value > target;
        long distance = up ? value - target : target - value;
        if (Long.compareUnsigned(distance, paired) <= 0) {
            return up ? distance * 2 - 1 : distance * 2;
        }
        return distance + paired;
    }
}
