package dev.complianceharness.property.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shrinks a failing test case by editing its choice sequence (the Hypothesis approach): it deletes spans and
 * runs of choices, zeroes spans, minimises single choices, moves value between pairs of choices and sorts
 * sibling spans, keeping every edit whose replay still fails and is smaller in shortlex order (shorter, or
 * as long and lexicographically smaller). Because the order is well-founded, shrinking always ends.
 */
public final class Shrinker {

    /** The outcome of replaying a candidate. */
    public interface Replay {
        /**
         * Replays choices.
         *
         * @param choices the candidate
         * @return the replayed test case if it fails the same way, or {@code null}
         */
        TestCase failing(long[] choices);
    }

    /** How long shrinking may take unless told otherwise: a slow property must still end. */
    public static final java.time.Duration DEFAULT_TIME_LIMIT = java.time.Duration.ofMinutes(1);
    private static final int SMALL_STEPS = 32;
    private static final int PAIR_WINDOW = 8;

    private final Replay replay;
    private final int maxReplays;
    private final long deadline;
    private boolean exhausted;
    private final Set<Key> tried = new HashSet<>();
    private TestCase best;
    private long[] bestChoices;
    private int improvements;
    private int replays;

    /**
     * Creates a shrinker for a failing test case.
     *
     * @param failing    the failing test case
     * @param replay     replays candidates
     * @param maxReplays how many candidates to replay at most
     */
    public Shrinker(TestCase failing, Replay replay, int maxReplays) {
        this(failing, replay, maxReplays, DEFAULT_TIME_LIMIT);
    }

    /**
     * Creates a shrinker for a failing test case, with a time limit.
     *
     * @param failing    the failing test case
     * @param replay     replays candidates
     * @param maxReplays how many candidates to replay at most
     * @param timeLimit  how long to shrink at most
     */
    public Shrinker(TestCase failing, Replay replay, int maxReplays, java.time.Duration timeLimit) {
        this.deadline = System.nanoTime() + timeLimit.toNanos();
        this.best = failing;
        this.bestChoices = failing.choices();
        this.replay = replay;
        this.maxReplays = maxReplays;
    }

    /**
     * Shrinks until no pass improves the test case, or the replay budget is spent.
     *
     * @return the smallest failing test case found
     */
    public TestCase shrink() {
        long[] before;
        do {
            before = bestChoices;
            deleteSpans();
            deleteRuns();
            zeroSpans();
            minimiseChoices();
            sortSiblings();
            lowerPairs();
            redistributePairs();
        } while (!Arrays.equals(before, bestChoices) && budgetLeft());
        return best;
    }

    /**
     * How many edits were kept.
     *
     * @return the number of shrink steps
     */
    public int improvements() {
        return improvements;
    }

    /**
     * How many candidates were replayed.
     *
     * @return the number of replays
     */
    public int replays() {
        return replays;
    }

    private boolean budgetLeft() {
        if (replays >= maxReplays || (replays & 15) == 0 && System.nanoTime() - deadline > 0) {
            exhausted = true;
            return false;
        }
        return true;
    }

    /**
     * Whether shrinking stopped at its replay or time limit rather than because nothing smaller failed.
     *
     * @return true if a limit cut it short
     */
    public boolean stoppedAtLimit() {
        return exhausted;
    }

    private boolean consider(long[] candidate) {
        if (!budgetLeft() || compare(candidate, bestChoices) >= 0 || !tried.add(new Key(candidate))) {
            return false;
        }
        replays++;
        TestCase result = replay.failing(candidate);
        if (result == null) {
            return false;
        }
        long[] consumed = result.choices();
        if (compare(consumed, bestChoices) >= 0) {
            return false;
        }
        best = result;
        bestChoices = consumed;
        improvements++;
        return true;
    }

    private void deleteSpans() {
        for (int i = 0; budgetLeft(); ) {
            List<TestCase.Span> spans = best.spans();
            if (i >= spans.size()) {
                return;
            }
            TestCase.Span span = spans.get(i);
            if (!usable(span) || !deleteSpan(spans, span)) {
                i++;
            }
        }
    }

    /**
     * Deletes a span; when that alone does not fail, also lowers the size a {@code flatMap} drew just
     * before the dependent span enclosing it (a list of exactly n elements loses an element only with
     * n lowered by one).
     */
    private boolean deleteSpan(List<TestCase.Span> spans, TestCase.Span span) {
        long[] deleted = without(bestChoices, span.start(), span.end());
        if (consider(deleted)) {
            return true;
        }
        for (int parent = span.parent(); parent >= 0; parent = spans.get(parent).parent()) {
            TestCase.Span enclosing = spans.get(parent);
            int size = enclosing.start() - 1;
            if (enclosing.label() == TestCase.DEPENDENT && size >= 0 && deleted[size] != 0) {
                long[] lowered = deleted.clone();
                lowered[size]--;
                if (consider(lowered)) {
                    return true;
                }
                break;
            }
        }
        return consider(shiftedDown(deleted, span.start(), span.length()));
    }

    /**
     * After a deletion, lowers every later value (not the yes/no flags) by one: values that index into a
     * list shrink with it.
     */
    private long[] shiftedDown(long[] deleted, int from, int removed) {
        long[] shifted = deleted.clone();
        for (int k = from; k < shifted.length; k++) {
            if (shifted[k] != 0 && !best.isFlag(k + removed)) {
                shifted[k]--;
            }
        }
        return shifted;
    }

    private boolean usable(TestCase.Span span) {
        return span.end() > span.start() && span.end() <= bestChoices.length;
    }

    private void deleteRuns() {
        for (int length : new int[] {8, 4, 2, 1}) {
            for (int start = bestChoices.length - length; start >= 0 && budgetLeft(); start--) {
                if (start + length > bestChoices.length) {
                    continue;
                }
                long[] deleted = without(bestChoices, start, start + length);
                if (consider(deleted)) {
                    continue;
                }
                // a length drawn before the run must shrink with it: try decrementing the choice before
                if (start > 0 && deleted[start - 1] != 0) {
                    deleted[start - 1]--;
                    consider(deleted);
                }
            }
        }
    }

    private void zeroSpans() {
        List<TestCase.Span> spans = best.spans();
        for (int i = 0; i < spans.size() && budgetLeft(); i++) {
            TestCase.Span span = spans.get(i);
            if (!usable(span)) {
                continue;
            }
            long[] zeroed = bestChoices.clone();
            boolean changed = false;
            for (int j = span.start(); j < span.end(); j++) {
                changed |= zeroed[j] != 0;
                zeroed[j] = 0;
            }
            if (changed && consider(zeroed)) {
                spans = best.spans();
            }
        }
    }

    private void minimiseChoices() {
        for (int i = 0; i < bestChoices.length && budgetLeft(); i++) {
            minimise(i);
        }
    }

    /**
     * Lowers choice {@code index}: zero, then a binary search, then small steps down and exponentially
     * growing jumps of the step that worked, for failures that hold only for some values (a filter that
     * keeps every seventh number, say).
     */
    private void minimise(int index) {
        if (bestChoices[index] == 0 || consider(with(bestChoices, index, 0))) {
            return;
        }
        binarySearch(index);
        while (index < bestChoices.length && budgetLeft() && stepDown(index)) {
            // keep stepping while steps work
        }
    }

    private void binarySearch(int index) {
        long low = 0;
        long high = bestChoices[index];
        while (Long.compareUnsigned(high - low, 1) > 0 && Long.compareUnsigned(high, low) > 0 && budgetLeft()) {
            long middle = low + ((high - low) >>> 1);
            if (consider(with(bestChoices, index, middle))) {
                if (index >= bestChoices.length) {
                    return;
                }
                high = bestChoices[index];
            } else {
                low = middle;
            }
        }
    }

    private boolean stepDown(int index) {
        long value = bestChoices[index];
        for (long step = 1; step <= SMALL_STEPS && Long.compareUnsigned(step, value) <= 0 && budgetLeft(); step++) {
            if (consider(with(bestChoices, index, value - step))) {
                for (long jump = step * 2; index < bestChoices.length && budgetLeft(); jump *= 2) {
                    long current = bestChoices[index];
                    if (jump <= 0 || Long.compareUnsigned(jump, current) > 0
                            || !consider(with(bestChoices, index, current - jump))) {
                        break;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private void sortSiblings() {
        Map<Long, List<TestCase.Span>> groups = new LinkedHashMap<>();
        for (TestCase.Span span : best.spans()) {
            if (!usable(span)) {
                continue;
            }
            groups.computeIfAbsent(((long) span.parent() << 32) | span.label(), key -> new ArrayList<>()).add(span);
        }
        for (List<TestCase.Span> siblings : groups.values()) {
            if (siblings.size() < 2 || !budgetLeft() || !contiguous(siblings)) {
                continue;
            }
            int start = siblings.get(0).start();
            int end = siblings.get(siblings.size() - 1).end();
            if (end > bestChoices.length) {
                continue;
            }
            List<long[]> parts = new ArrayList<>();
            for (TestCase.Span span : siblings) {
                parts.add(Arrays.copyOfRange(bestChoices, span.start(), span.end()));
            }
            parts.sort(Shrinker::compare);
            long[] sorted = bestChoices.clone();
            int at = start;
            for (long[] part : parts) {
                System.arraycopy(part, 0, sorted, at, part.length);
                at += part.length;
            }
            consider(sorted);
        }
    }

    private static boolean contiguous(List<TestCase.Span> siblings) {
        for (int i = 1; i < siblings.size(); i++) {
            if (siblings.get(i).start() != siblings.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lowers two choices by the same amount, for failures that need two values to stay equal (a
     * duplicate) or a fixed distance apart (a difference of one).
     */
    private void lowerPairs() {
        for (int i = 0; i < bestChoices.length && budgetLeft(); i++) {
            for (int j = i + 1; j < Math.min(bestChoices.length, i + PAIR_WINDOW) && budgetLeft(); j++) {
                while (i < bestChoices.length && j < bestChoices.length && budgetLeft() && lowerPair(i, j)) {
                    // keep lowering this pair while it works
                }
            }
        }
    }

    private boolean lowerPair(int i, int j) {
        long first = bestChoices[i];
        long second = bestChoices[j];
        if (first == 0 || second == 0) {
            return false;
        }
        long most = Long.compareUnsigned(first, second) < 0 ? first : second;
        for (long amount = most; amount != 0 && budgetLeft(); amount >>>= 1) {
            long[] lowered = bestChoices.clone();
            lowered[i] = first - amount;
            lowered[j] = second - amount;
            if (consider(lowered)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves value from an earlier choice to a later one (the earlier shrinks, the later grows), for
     * failures that need a sum or a difference to stay the same.
     */
    private void redistributePairs() {
        for (int i = 0; i < bestChoices.length && budgetLeft(); i++) {
            for (int j = i + 1; j < Math.min(bestChoices.length, i + PAIR_WINDOW) && budgetLeft(); j++) {
                while (i < bestChoices.length && j < bestChoices.length && budgetLeft() && movePair(i, j)) {
                    // keep moving while it works
                }
            }
        }
    }

    /** Moves the largest power of two that keeps the failure from choice {@code i} to choice {@code j}. */
    private boolean movePair(int i, int j) {
        long first = bestChoices[i];
        if (first == 0) {
            return false;
        }
        for (long amount = Long.highestOneBit(first); amount != 0 && budgetLeft(); amount >>>= 1) {
            if (Long.compareUnsigned(amount, first) > 0) {
                continue;
            }
            long[] moved = bestChoices.clone();
            moved[i] = first - amount;
            moved[j] = bestChoices[j] + amount;
            if (Long.compareUnsigned(moved[j], bestChoices[j]) < 0) {
                moved[j] = -1L;
            }
            if (consider(moved)) {
                return true;
            }
        }
        return false;
    }

    private static long[] without(long[] choices, int start, int end) {
        long[] result = new long[choices.length - (end - start)];
        System.arraycopy(choices, 0, result, 0, start);
        System.arraycopy(choices, end, result, start, choices.length - end);
        return result;
    }

    private static long[] with(long[] choices, int index, long value) {
        long[] result = choices.clone();
        result[index] = value;
        return result;
    }

    /**
     * Shortlex order: shorter first, then unsigned lexicographic.
     *
     * @param left  one sequence
     * @param right another
     * @return negative, zero or positive as {@code left} is simpler, equal or more complex
     */
    public static int compare(long[] left, long[] right) {
        if (left.length != right.length) {
            return Integer.compare(left.length, right.length);
        }
        return Arrays.compareUnsigned(left, right);
    }

    /** A choice sequence as a hash key. */
    private static final class Key {
        private final long[] choices;
        private final int hash;

        Key(long[] choices) {
            this.choices = choices;
            this.hash = Arrays.hashCode(choices);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(choices, key.choices);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
