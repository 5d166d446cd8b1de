package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;

/**
 * Draws doubles that shrink towards zero (or the bound nearest it) and towards whole numbers: within
 * ±2<sup>52</sup> a double is drawn as a sign, a whole part and a fraction (the fraction shrinks to 0);
 * beyond, by its position in the ordered set of doubles. The whole part favours the bounds, zero and ±1
 * (a whole part outside the range is clamped to the bound), the fraction favours 0 and ½.
 */
public final class Decimals {

    private static final double WHOLE_LIMIT = 0x1p52;
    private static final long FRACTION_STEPS = 1L << 52;

    private final double min;
    private final double max;
    private final boolean wide;
    private final Numbers.LongRange wholeRange;
    private final Numbers.LongRange orderedRange;

    /**
     * A range of doubles.
     *
     * @param min the lower bound, finite
     * @param max the upper bound, finite, not below {@code min}
     */
    public Decimals(double min, double max) {
        this.min = min;
        this.max = max;
        this.wide = Math.abs(min) > WHOLE_LIMIT || Math.abs(max) > WHOLE_LIMIT;
        if (wide) {
            this.wholeRange = null;
            this.orderedRange = Numbers.range(ordered(min), ordered(max));
        } else {
            this.wholeRange = Numbers.range(min < 0 ? (long) Math.floor(min) - 1 : (long) Math.floor(min), (long) Math.floor(max));
            this.orderedRange = null;
        }
    }

    /**
     * Draws a double in the range.
     *
     * @param choices the choices
     * @return the value
     */
    public double draw(Choices choices) {
        if (wide) {
            return fromOrdered(orderedRange.draw(choices));
        }
        long whole = wholeRange.draw(choices);
        double fraction = choices.drawFavouring(0, FRACTION_STEPS - 1, 0, FRACTION_STEPS / 2) / (double) FRACTION_STEPS;
        // a negative whole part w stands for the magnitudes [-w - 1, -w), so that both parts shrink towards zero
        double value = whole < 0 ? -((-whole - 1) + fraction) : whole + fraction;
        return Math.max(min, Math.min(max, value));
    }

    /** Maps a double onto a long such that the order of doubles is kept (and 0.0 maps to 0). */
    static long ordered(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        return bits < 0 ? -(bits & Long.MAX_VALUE) : bits;
    }

    static double fromOrdered(long ordered) {
        return ordered < 0 ? -Double.longBitsToDouble(-ordered) : Double.longBitsToDouble(ordered);
    }
}
