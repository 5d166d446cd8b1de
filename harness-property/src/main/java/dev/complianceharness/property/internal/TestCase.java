package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.InvalidGeneratorException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One test case's choices: drawn at random (and recorded) or replayed from a fixed prefix. Every choice is
 * stored as an unsigned offset from the draw's minimum, so that zero is always the simplest choice and the
 * shrinker can edit sequences without knowing the generators.
 *
 * <p>Generators mark the structure of what they draw with {@link #startSpan(int)} and {@link #stopSpan()}
 * (a list element, a filter attempt): the shrinker deletes, zeroes and sorts whole spans.
 */
public final class TestCase implements Choices {

    /** How many choices one test case may draw before it counts as too big (and is discarded). */
    public static final int MAX_CHOICES = 20_000;
    /** A span holding one list element, with its "another element?" flag. */
    public static final int LIST_ELEMENT = 1;
    /** A span holding one attempt of a filter. */
    public static final int FILTER_ATTEMPT = 2;
    /** A span holding one value of a generator that was {@linkplain dev.complianceharness.property.Gen#flatMap flat-mapped}. */
    public static final int DEPENDENT = 3;

    private static final long SMALL_LIMIT = 1L << 16;
    private static final int SMALL_BITS = 16;

    private static final int REPEAT_ONE_IN = 20;
    private static final long[] NO_CHOICES = new long[0];
    private static final int RECENT = 4;

    /** Each span takes this many ints in {@link #spanData}: start, end, label, parent, depth. */
    private static final int SPAN_FIELDS = 5;

    private final long[] prefix;
    /**
     * The range of each random choice, parallel to {@link #choices} (null when replaying), for repeating a recent
     * value: one store per draw where a separate ring of recent draws took a counter and two.
     */
    private long[] ranges;
    private final SplitMixRandom random;
    /**
     * The edge-case probability as a bound on the 53 bits {@code nextDouble()} scales by 2^-53: {@code nextDouble() < p}
     * exactly when those bits are below {@code ceil(p * 2^53)}, as the scaling is exact. It spares a conversion per draw.
     */
    private final long edgeCaseBits;
    private long[] choices = new long[8];
    /**
     * Which choices were yes/no choices, parallel to {@link #choices}; only yes/no choices write to it, so entries
     * up to {@link #flaggedEnd} are cleared when the test case restarts.
     */
    private boolean[] flags = new boolean[8];
    private int flaggedEnd;
    private int size;
    // spans live in one int array rather than one object each, so that generating a list allocates nothing
    // per element; allocated on first use, as most test cases of simple generators never open a span
    private int[] spanData;
    private int spanCount;
    private List<Span> spanList;
    private int[] openSpans;
    private int openCount;

    private TestCase(long[] prefix, SplitMixRandom random, double edgeCaseProbability) {
        this.prefix = prefix;
        this.random = random;
        this.edgeCaseBits = (long) Math.ceil(edgeCaseProbability * 0x1.0p53);
        this.ranges = random == null ? null : new long[8];
    }

    /**
     * A test case drawing at random from its own stream, split from the given generator.
     *
     * @param parent              the generator to split the test case's stream from
     * @param edgeCaseProbability how often a favouring draw picks an edge case
     * @return the test case
     */
    public static TestCase random(SplitMixRandom parent, double edgeCaseProbability) {
        return new TestCase(NO_CHOICES, parent.split(), edgeCaseProbability);
    }

    /**
     * A test case replaying the given choices, drawing the simplest choice once they run out.
     *
     * @param prefix the choices to replay
     * @return the test case
     */
    public static TestCase replay(long[] prefix) {
        return new TestCase(prefix.clone(), null, 0);
    }

    /**
     * Starts this random test case afresh on a new stream split from the given generator, keeping its
     * buffers: the engine draws every try into one test case instead of allocating one per try. Draws are
     * exactly those of a new {@link #random(SplitMixRandom, double)} test case.
     *
     * @param parent the generator to split the new stream from
     * @throws IllegalStateException on a replaying test case
     */
    public void restart(SplitMixRandom parent) {
        if (random == null) {
            throw new IllegalStateException("a replaying test case cannot restart at random");
        }
        parent.splitInto(random);
        size = 0;
        spanCount = 0;
        if (spanList != null) {
            spanList = null;
        }
        openCount = 0;
        if (flaggedEnd > 0) {
            Arrays.fill(flags, 0, flaggedEnd, false);
            flaggedEnd = 0;
        }
    }

    @Override
    public long draw(long min, long max) {
        return min + nextOffset(span(min, max), null, min);
    }

    @Override
    public long drawFavouring(long min, long max, long... edgeCases) {
        return min + nextOffset(span(min, max), edgeCases.length == 0 ? null : edgeCases, min);
    }

    @Override
    public boolean weighted(double probabilityOfTrue) {
        if (!(probabilityOfTrue >= 0 && probabilityOfTrue <= 1)) {
            throw new IllegalArgumentException("probability " + probabilityOfTrue + " must lie in [0, 1]");
        }
        long value;
        if (size < prefix.length) {
            value = prefix[size] == 0 ? 0 : 1;
        } else if (random != null) {
            value = random.nextDouble() < probabilityOfTrue ? 1 : 0;
        } else {
            value = 0;
        }
        record(value, true);
        return value == 1;
    }

    private static long span(long min, long max) {
        if (min > max) {
            throw new InvalidGeneratorException("draw(" + min + ", " + max + "): min must not exceed max");
        }
        return max - min; // unsigned
    }

    /**
     * The next choice as an offset from {@code min}; {@code edgeCases} (values, or null) are favoured. Kept
     * small, with the rarer paths in methods of their own, so that the JIT inlines it into every generator.
     */
    private long nextOffset(long span, long[] edgeCases, long min) {
        long value;
        if (size < prefix.length) {
            value = Long.compareUnsigned(prefix[size], span) > 0 ? span : prefix[size];
        } else if (random == null) {
            value = 0;
        } else {
            value = randomOffset(span, edgeCases, min);
            record(value, false);
            ranges[size - 1] = span;
            return value;
        }
        record(value, false);
        return value;
    }

    private long randomOffset(long span, long[] edgeCases, long min) {
        if (edgeCases != null && random.nextLong() >>> 11 < edgeCaseBits) {
            return edgeCase(span, edgeCases, min);
        }
        if (random.nextInt(REPEAT_ONE_IN) == 0) {
            int earlier = recentIndex(span);
            if (earlier >= 0) {
                return nearEarlier(earlier, span);
            }
        }
        if (Long.compareUnsigned(span, SMALL_LIMIT) > 0 && random.nextInt(4) == 0) {
            // a quarter of draws from wide ranges stay small: bugs live near the simplest values too
            return random.nextLong(1L << (1 + random.nextInt(SMALL_BITS)));
        }
        return uniform(span);
    }

    private long edgeCase(long span, long[] edgeCases, long min) {
        long edge = edgeCases[random.nextInt(edgeCases.length)] - min;
        if (Long.compareUnsigned(edge, span) > 0) {
            throw new IllegalArgumentException("edge case " + (edge + min) + " lies outside [" + min + ", "
                    + (min + span) + "]");
        }
        return edge;
    }

    /** A value equal to (or next to) an earlier one: these find duplicate and off-by-one bugs. */
    private long nearEarlier(int index, long span) {
        long earlier = choices[index];
        long moved = earlier + 2 * (random.nextInt(3) - 1);
        return Long.compareUnsigned(moved, span) > 0 ? earlier : moved;
    }

    /**
     * The index of the latest of the last {@value #RECENT} random draws over more than three values (yes/no choices
     * are not draws) whose range is the same, or -1.
     */
    private int recentIndex(long span) {
        int seen = 0;
        for (int index = size - 1; index >= 0 && seen < RECENT; index--) {
            if (!flags[index] && Long.compareUnsigned(ranges[index], 2) > 0) {
                if (ranges[index] == span) {
                    return index;
                }
                seen++;
            }
        }
        return -1;
    }

    private long uniform(long span) {
        if (span == -1L) {
            return random.nextLong();
        }
        if (span >= 0 && span < Long.MAX_VALUE) {
            return random.nextLong(span + 1);
        }
        long value;
        do {
            value = random.nextLong();
        } while (Long.compareUnsigned(value, span) > 0);
        return value;
    }

    private void record(long value, boolean flag) {
        if (size == choices.length) {
            // the buffers grow to MAX_CHOICES at most, so that one comparison per draw also finds an overrun
            if (size >= MAX_CHOICES) {
                throw new Overrun();
            }
            int grown = Math.min(size * 2, MAX_CHOICES);
            choices = Arrays.copyOf(choices, grown);
            flags = Arrays.copyOf(flags, grown);
            if (ranges != null) {
                ranges = Arrays.copyOf(ranges, grown);
            }
        }
        choices[size] = value;
        if (flag) {
            flags[size] = true;
            flaggedEnd = size + 1;
        }
        size++;
    }

    /**
     * Opens a span; spans nest.
     *
     * @param label what the span holds, for example {@link #LIST_ELEMENT}
     */
    public void startSpan(int label) {
        if (spanData == null) {
            spanData = new int[8 * SPAN_FIELDS];
            openSpans = new int[8];
        }
        if ((spanCount + 1) * SPAN_FIELDS > spanData.length) {
            spanData = Arrays.copyOf(spanData, spanData.length * 2);
        }
        int offset = spanCount * SPAN_FIELDS;
        spanData[offset] = size;
        spanData[offset + 1] = -1;
        spanData[offset + 2] = label;
        spanData[offset + 3] = openCount == 0 ? -1 : openSpans[openCount - 1];
        spanData[offset + 4] = openCount;
        if (openCount == openSpans.length) {
            openSpans = Arrays.copyOf(openSpans, openCount * 2);
        }
        openSpans[openCount++] = spanCount++;
        spanList = null;
    }

    /** Closes the innermost open span. */
    public void stopSpan() {
        spanData[openSpans[--openCount] * SPAN_FIELDS + 1] = size;
        spanList = null;
    }

    /**
     * Whether this test case draws at random beyond its prefix (rather than replaying a shrink candidate).
     *
     * @return true while generating
     */
    public boolean generating() {
        return random != null;
    }

    /**
     * The choices drawn so far.
     *
     * @return a copy of them
     */
    public long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    /**
     * Whether the choice at an index was a yes/no choice ({@link #weighted(double)}).
     *
     * @param index the choice's index
     * @return true for a yes/no choice
     */
    public boolean isFlag(int index) {
        return index < size && flags[index];
    }

    /**
     * How many choices were drawn so far.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * The spans, in the order they were opened; a span's {@link Span#parent() parent} is an index into
     * this list. A span left open (the test case was cut short) ends at -1.
     *
     * @return the spans
     */
    public List<Span> spans() {
        if (spanList == null) {
            List<Span> spans = new ArrayList<>(spanCount);
            for (int offset = 0; offset < spanCount * SPAN_FIELDS; offset += SPAN_FIELDS) {
                spans.add(new Span(spanData[offset], spanData[offset + 1], spanData[offset + 2], spanData[offset + 3],
                        spanData[offset + 4]));
            }
            spanList = java.util.Collections.unmodifiableList(spans);
        }
        return spanList;
    }

    /**
     * A structural part of the choice sequence.
     *
     * @param start  index of its first choice
     * @param end    index after its last choice
     * @param label  what it holds
     * @param parent index of the enclosing span in the list of all spans, or -1
     * @param depth  how many spans enclose it
     */
    public record Span(int start, int end, int label, int parent, int depth) {

        /**
         * The number of choices in it.
         *
         * @return the length
         */
        public int length() {
            return end - start;
        }
    }

    /** Thrown when a test case draws more than {@link #MAX_CHOICES}; the case is discarded. */
    public static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overrun() {
            super("the test case drew more than " + MAX_CHOICES + " choices", null, false, false);
        }
    }
}
