package dev.complianceharness.benchmarks.property;

import dev.complianceharness.property.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The shrinker a user writes without an engine that shrinks on choices, as QuickCheck does: candidates are
 * built from the failing value by its type (an integer towards zero by halving the distance, a list by
 * removing chunks of halving size and then by shrinking one element), tried lazily in that order, and the
 * first that still fails is kept, until none does or the replay budget is spent. It knows nothing of the
 * generator, so each challenge tells it which values are valid.
 */
final class ValueShrinker {

    private final Function<Object, Stream<Object>> candidates;
    private final Predicate<Object> failing;
    private final int maxReplays;

    /**
     * A shrinker.
     *
     * @param candidates the candidates for a value, simplest first
     * @param failing    whether a candidate is valid and still fails
     * @param maxReplays how many candidates to try at most
     */
    ValueShrinker(Function<Object, Stream<Object>> candidates, Predicate<Object> failing, int maxReplays) {
        this.candidates = candidates;
        this.failing = failing;
        this.maxReplays = maxReplays;
    }

    /**
     * Shrinks a failing value.
     *
     * @param value the failing value
     * @return the smallest failing value found
     */
    Object shrink(Object value) {
        Object current = value;
        int[] replays = {0};
        while (replays[0] < maxReplays) {
            Optional<Object> smaller = candidates.apply(current)
                    .limit(maxReplays - replays[0])
                    .peek(candidate -> replays[0]++)
                    .filter(failing)
                    .findFirst();
            if (smaller.isEmpty()) {
                return current;
            }
            current = smaller.get();
        }
        return current;
    }

    /**
     * The candidates for a value by its type: integers, shorts, lists and pairs; none for anything else.
     *
     * @param value the value
     * @return its candidates, simplest first, built as far as they are tried
     */
    static Stream<Object> candidates(Object value) {
        if (value instanceof Integer number) {
            return integral(number).mapToObj(candidate -> (Object) (int) candidate);
        }
        if (value instanceof Short number) {
            return integral(number).mapToObj(candidate -> (Object) (short) candidate);
        }
        if (value instanceof List<?> list) {
            return list(list, ValueShrinker::candidates);
        }
        if (value instanceof Tuple2<?, ?> pair) {
            return Stream.concat(candidates(pair.first()).map(first -> (Object) new Tuple2<>(first, pair.second())),
                    candidates(pair.second()).map(second -> (Object) new Tuple2<>(pair.first(), second)));
        }
        return Stream.empty();
    }

    /**
     * QuickCheck's integral shrinking: the positive of a negative, zero, then {@code x - x/2}, {@code x - x/4},
     * ... up to {@code x - 1}, each closer to zero than {@code x}.
     *
     * @param x the value
     * @return the candidates
     */
    static LongStream integral(long x) {
        if (x == 0) {
            return LongStream.empty();
        }
        LongStream negated = x < 0 && -x > x ? LongStream.of(-x) : LongStream.empty();
        LongStream towardsZero = LongStream.iterate(x / 2, step -> step != 0, step -> step / 2).map(step -> x - step);
        return LongStream.concat(negated, LongStream.concat(LongStream.of(0), towardsZero))
                .filter(candidate -> Math.abs(candidate) < Math.abs(x) || candidate == -x && candidate > 0).distinct();
    }

    /**
     * QuickCheck's list shrinking: remove chunks of n, n/2, ..., 1 elements, then shrink one element.
     *
     * @param list     the list
     * @param elements the candidates of an element
     * @return the candidates
     */
    static Stream<Object> list(List<?> list, Function<Object, Stream<Object>> elements) {
        int size = list.size();
        Stream<Object> removals = IntStream.iterate(size, chunk -> chunk > 0, chunk -> chunk / 2).boxed()
                .flatMap(chunk -> IntStream.iterate(0, start -> start + chunk <= size, start -> start + chunk)
                        .mapToObj(start -> {
                            List<Object> shorter = new ArrayList<>(list.subList(0, start));
                            shorter.addAll(list.subList(start + chunk, size));
                            return shorter;
                        }));
        Stream<Object> shrunkElements = IntStream.range(0, size).boxed()
                .flatMap(index -> elements.apply(list.get(index)).map(element -> {
                    List<Object> changed = new ArrayList<>(list);
                    changed.set(index, element);
                    return changed;
                }));
        return Stream.concat(removals, shrunkElements);
    }
}
