package dev.complianceharness.sms.decision.internal;

import dev.complianceharness.sms.internal.CompiledTables;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The instants at which every candidate permits a message, precompiled into sorted epoch-second
 * intervals, one chunk of 2^25 seconds (about 388 days) at a time, when first needed, with a per-day
 * index into them. A warm decision is two array reads and a scan of the day's few intervals.
 *
 * <p>Exact across DST: each local window is mapped to instants segment by segment of constant UTC offset,
 * so a window edge in a gap starts at the transition and an overlap's repeated hour counts twice.
 */
public final class Schedule {

    /** The answer when no permitted instant exists within the look-ahead. */
    public static final long NEVER = Long.MIN_VALUE;
    /** How many chunks past the asked one a search for the next permitted instant looks (about 2 years). */
    public static final int LOOK_AHEAD_CHUNKS = 2;

    private static final int SHIFT = 25;
    private static final long CHUNK = 1L << SHIFT;
    private static final int FIRST_CHUNK = -128;
    private static final int CHUNK_COUNT = 512;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long MAX_OFFSET = 18 * 3600 + 1;

    private static final int DAYS_PER_CHUNK = (int) (CHUNK / SECONDS_PER_DAY) + 1;

    private final List<CandidateRules> candidates;
    private final AtomicReferenceArray<Chunk> chunks = new AtomicReferenceArray<>(CHUNK_COUNT);

    /**
     * The permitted intervals of one chunk, flattened {@code [start0, end0, start1, end1, ...]}, and for
     * each day of the chunk the index of the first interval ending after that day begins, so that a
     * lookup is an array read and a short scan instead of a binary search.
     */
    private record Chunk(long base, long[] intervals, int[] firstByDay) {

        static Chunk of(long base, long[] intervals) {
            int[] firstByDay = new int[DAYS_PER_CHUNK];
            int i = 0;
            for (int day = 0; day < DAYS_PER_CHUNK; day++) {
                long dayStart = base + day * SECONDS_PER_DAY;
                while (i < intervals.length && intervals[i + 1] <= dayStart) {
                    i += 2;
                }
                firstByDay[day] = i;
            }
            return new Chunk(base, intervals, firstByDay);
        }

        /** Index (even) of the first interval whose end is after the instant; the length if none. */
        int firstEndingAfter(long epochSecond) {
            int i = firstByDay[(int) ((epochSecond - base) / SECONDS_PER_DAY)];
            while (i < intervals.length && intervals[i + 1] <= epochSecond) {
                i += 2;
            }
            return i;
        }
    }

    /**
     * @param candidates every candidate zone with its rules; a message is permitted where all permit it
     */
    public Schedule(List<CandidateRules> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one candidate");
        }
        this.candidates = List.copyOf(candidates);
    }

    /** @return the candidates */
    public List<CandidateRules> candidates() {
        return candidates;
    }

    /**
     * @param epochSecond an instant
     * @return whether the schedule can answer for it: within the years harness-sms decides for
     *         ({@link CompiledTables#decides(long)}); local days outside the years its tables cover are closed
     */
    public static boolean supports(long epochSecond) {
        long index = (epochSecond >> SHIFT) - FIRST_CHUNK;
        return index >= 0 && index < CHUNK_COUNT - LOOK_AHEAD_CHUNKS && CompiledTables.decides(epochSecond);
    }

    /**
     * @param epochSecond an instant {@link #supports(long) supported}
     * @return whether every candidate permits a message then
     */
    public boolean permits(long epochSecond) {
        Chunk chunk = chunk((int) (epochSecond >> SHIFT));
        int i = chunk.firstEndingAfter(epochSecond);
        return i < chunk.intervals().length && chunk.intervals()[i] <= epochSecond;
    }

    /**
     * Answers "permitted now, until when" or "not permitted, from when" with one lookup.
     *
     * @param epochSecond an instant {@link #supports(long) supported}
     * @return the answer
     */
    public Answer answer(long epochSecond) {
        Chunk chunk = chunk((int) (epochSecond >> SHIFT));
        int i = chunk.firstEndingAfter(epochSecond);
        long[] intervals = chunk.intervals();
        if (i < intervals.length) {
            if (intervals[i] <= epochSecond) {
                long end = intervals[i + 1];
                return new Answer(true, end < chunk.base() + CHUNK ? end : permittedUntil(end));
            }
            return new Answer(false, intervals[i]);
        }
        return new Answer(false, earliestPermitted(chunk.base() + CHUNK));
    }

    /**
     * What {@link #answer(long)} found.
     *
     * @param permitted whether the instant is permitted
     * @param boundary if permitted, the first second after it that is not (or {@link #NEVER}); if not, the
     *                 earliest permitted second after it (or {@link #NEVER})
     */
    public record Answer(boolean permitted, long boundary) {
    }

    /**
     * @param epochSecond an instant {@link #supports(long) supported}
     * @return the earliest permitted second at or after it, or {@link #NEVER} within the look-ahead
     */
    public long earliestPermitted(long epochSecond) {
        int first = (int) (epochSecond >> SHIFT);
        for (int index = first; index <= first + LOOK_AHEAD_CHUNKS; index++) {
            Chunk chunk = chunk(index);
            long from = index == first ? epochSecond : (long) index << SHIFT;
            int i = chunk.firstEndingAfter(from);
            if (i < chunk.intervals().length) {
                return Math.max(chunk.intervals()[i], from);
            }
        }
        return NEVER;
    }

    /**
     * @param epochSecond a permitted instant
     * @return the first second after it that is not permitted, or {@link #NEVER} within the look-ahead
     */
    public long permittedUntil(long epochSecond) {
        int first = (int) (epochSecond >> SHIFT);
        long at = epochSecond;
        for (int index = first; index <= first + LOOK_AHEAD_CHUNKS; index++) {
            Chunk chunk = chunk(index);
            int i = chunk.firstEndingAfter(at);
            if (i >= chunk.intervals().length || chunk.intervals()[i] > at) {
                return at;
            }
            long end = chunk.intervals()[i + 1];
            if (end < ((long) (index + 1) << SHIFT)) {
                return end;
            }
            at = end;
        }
        return NEVER;
    }

    private Chunk chunk(int index) {
        int slot = index - FIRST_CHUNK;
        Chunk chunk = chunks.get(slot);
        if (chunk == null) {
            long base = (long) index << SHIFT;
            chunk = Chunk.of(base, compile(base, base + CHUNK));
            chunks.compareAndSet(slot, null, chunk);
        }
        return chunk;
    }

    private long[] compile(long from, long to) {
        long[] permitted = null;
        for (CandidateRules candidate : candidates) {
            long[] intervals = compile(candidate, from, to);
            permitted = permitted == null ? intervals : intersect(permitted, intervals);
        }
        return permitted;
    }

    /** The instants in [from, to) whose local time in the candidate's zone lies in that day's windows. */
    static long[] compile(CandidateRules candidate, long from, long to) {
        long[][] segments = candidate.timeline().segments(from - 2 * SECONDS_PER_DAY, to + 2 * SECONDS_PER_DAY);
        long[] starts = segments[0];
        long[] offsets = segments[1];
        long[] out = new long[64];
        int n = 0;
        long firstDay = Math.floorDiv(from - MAX_OFFSET, SECONDS_PER_DAY);
        long lastDay = Math.floorDiv(to + MAX_OFFSET, SECONDS_PER_DAY);
        int segment = 0;
        for (long day = firstDay; day <= lastDay; day++) {
            long[] windows = candidate.windowsOn(LocalDate.ofEpochDay(day));
            for (int w = 0; w < windows.length; w += 2) {
                long localStart = day * SECONDS_PER_DAY + windows[w] * 60;
                long localEnd = day * SECONDS_PER_DAY + windows[w + 1] * 60;
                while (segment > 0 && starts[segment] > localStart - MAX_OFFSET) {
                    segment--;
                }
                for (int s = segment; s < starts.length && starts[s] < localEnd + MAX_OFFSET; s++) {
                    long segmentEnd = s + 1 < starts.length ? starts[s + 1] : Long.MAX_VALUE;
                    long start = Math.max(Math.max(starts[s], localStart - offsets[s]), from);
                    long end = Math.min(Math.min(segmentEnd, localEnd - offsets[s]), to);
                    if (start < end) {
                        if (n > 0 && out[n - 1] >= start) {
                            out[n - 1] = Math.max(out[n - 1], end);
                        } else {
                            if (n + 2 > out.length) {
                                out = Arrays.copyOf(out, out.length * 2);
                            }
                            out[n++] = start;
                            out[n++] = end;
                        }
                    }
                    segment = s;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Intersects two sorted, disjoint interval lists. */
    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long start = Math.max(a[i], b[j]);
            long end = Math.min(a[i + 1], b[j + 1]);
            if (start < end) {
                out[n++] = start;
                out[n++] = end;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
