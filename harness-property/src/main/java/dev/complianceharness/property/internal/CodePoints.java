package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;
import java.util.Arrays;

/** A set of code points as sorted, disjoint ranges, drawn by index so that the first code point is simplest. */
public final class CodePoints {

    private final int[] firsts;
    private final int[] lasts;
    private final long[] startIndex;
    private final long size;
    private final long[] edgeChoices;

    /**
     * Builds the set from ranges (pairs of first and last code point, in order of simplicity).
     *
     * @param ranges the ranges; overlaps are kept once
     */
    public CodePoints(int[] ranges) {
        int count = ranges.length / 2;
        int[] firstList = new int[count];
        int[] lastList = new int[count];
        long[] starts = new long[count];
        int kept = 0;
        long total = 0;
        boolean[] seen = new boolean[0x110000];
        for (int i = 0; i < count; i++) {
            int first = ranges[2 * i];
            int last = ranges[2 * i + 1];
            // split the range at code points already seen, so that overlapping classes are not counted twice
            int start = -1;
            for (int codePoint = first; codePoint <= last + 1; codePoint++) {
                boolean free = codePoint <= last && !seen[codePoint];
                if (free && start < 0) {
                    start = codePoint;
                } else if (!free && start >= 0) {
                    if (kept == firstList.length) {
                        firstList = Arrays.copyOf(firstList, kept * 2 + 1);
                        lastList = Arrays.copyOf(lastList, kept * 2 + 1);
                        starts = Arrays.copyOf(starts, kept * 2 + 1);
                    }
                    firstList[kept] = start;
                    lastList[kept] = codePoint - 1;
                    starts[kept] = total;
                    total += codePoint - start;
                    kept++;
                    start = -1;
                }
                if (codePoint <= last) {
                    seen[codePoint] = true;
                }
            }
        }
        this.firsts = Arrays.copyOf(firstList, kept);
        this.lasts = Arrays.copyOf(lastList, kept);
        this.startIndex = Arrays.copyOf(starts, kept);
        this.size = total;
        long[] edges = new long[kept];
        for (int i = 0; i < kept; i++) {
            edges[i] = starts[i];
        }
        this.edgeChoices = edges;
    }

    /**
     * How many code points the set holds.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * Draws a code point; the first of each range comes up more often in random generation.
     *
     * @param choices the choices
     * @return the code point
     */
    public int draw(Choices choices) {
        long index = choices.drawFavouring(0, size - 1, edgeChoices);
        int range = Arrays.binarySearch(startIndex, index);
        if (range < 0) {
            range = -range - 2;
        }
        return (int) (firsts[range] + (index - startIndex[range]));
    }

    /**
     * Whether the set holds a code point.
     *
     * @param codePoint the code point
     * @return true if it is in one of the ranges
     */
    public boolean contains(int codePoint) {
        for (int i = 0; i < firsts.length; i++) {
            if (codePoint >= firsts[i] && codePoint <= lasts[i]) {
                return true;
            }
        }
        return false;
    }
}
