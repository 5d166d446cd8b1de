package dev.complianceharness.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public shrinking challenges (github.com/jlink/shrinking-challenge, folder {@code challenges/}), each
 * asserting the known minimal example or the challenge's stated bound, from several seeds (the shrinker
 * must normalise, not get lucky once).
 */
@DisplayName("The shrinking challenges")
class ShrinkingChallengesTest {

    @TempDir
    Path failures;

    /** Runs a challenge from seeds 1, 2 and 3: the shrinker must normalise, not get lucky once. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    @interface FromThreeSeeds {
    }

    private <T> T shrunk(Gen<T> generator, long seed, int tries, PropertyCheck.Body<T> body) {
        PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(generator)
                .seed(seed).tries(tries).storeFailuresIn(failures).check(body));
        assertThat(failure).as("the property should fail for seed %d", seed).isNotNull();
        @SuppressWarnings("unchecked")
        T value = (T) failure.shrunkValue();
        return value;
    }

    @Nested
    @DisplayName("reverse: reversing a list gives the same list")
    class Reverse {
        @FromThreeSeeds
        @DisplayName("shrinks to [0, 1]")
        void reverse(long seed) {
            List<Integer> shrunk = shrunk(Gens.lists(Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE), 0, 100), seed, 100,
                    list -> {
                        List<Integer> reversed = new ArrayList<>(list);
                        Collections.reverse(reversed);
                        assertThat(reversed).isEqualTo(list);
                    });
            assertThat(shrunk).containsExactly(0, 1);
        }
    }

    @Nested
    @DisplayName("bound5: five lists of 16-bit integers, each summing below 256, sum below 5 × 256")
    class Bound5 {

        private short sum(List<Short> values) {
            short total = 0;
            for (short value : values) {
                total = (short) (total + value);
            }
            return total;
        }

        @FromThreeSeeds
        @DisplayName("shrinks to ([], [], [], [-1], [-32768]), the example Hypothesis normalises to")
        void bound5(long seed) {
            Gen<List<Short>> bounded = Gens.lists(Gens.integers(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue), 0, 20)
                    .filter(list -> sum(list) < 256);
            Gen<List<List<Short>>> five = Gens.tuples(Gens.tuples(bounded, bounded), Gens.tuples(bounded, bounded), bounded)
                    .map(t -> List.of(t.first().first(), t.first().second(), t.second().first(), t.second().second(), t.third()));
            List<List<Short>> shrunk = shrunk(five, seed, 1_000, lists -> {
                List<Short> all = lists.stream().flatMap(List::stream).collect(Collectors.toList());
                assertThat(sum(all)).isLessThan((short) (5 * 256));
            });
            assertThat(shrunk).containsExactly(List.of(), List.of(), List.of(), List.of((short) -1), List.of((short) -32768));
        }
    }

    @Nested
    @DisplayName("large union list: no more than four distinct integers across lists of lists")
    class LargeUnionList {
        @FromThreeSeeds
        @DisplayName("shrinks to [[0, 1, -1, 2, -2]]")
        void largeUnionList(long seed) {
            Gen<List<List<Integer>>> lists = Gens.lists(Gens.lists(Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE), 0, 10), 0, 10);
            List<List<Integer>> shrunk = shrunk(lists, seed, 100, value -> assertThat(value.stream().flatMap(List::stream)
                    .collect(Collectors.toSet())).hasSizeLessThanOrEqualTo(4));
            assertThat(shrunk).containsExactly(List.of(0, 1, -1, 2, -2));
        }
    }

    @Nested
    @DisplayName("nested lists: the lengths of lists of lists sum to at most 10")
    class NestedLists {
        @FromThreeSeeds
        @DisplayName("shrinks to a single list of 11 zeros")
        void nestedLists(long seed) {
            Gen<List<List<Integer>>> lists = Gens.lists(Gens.lists(Gens.constant(0), 0, 30), 0, 30);
            List<List<Integer>> shrunk = shrunk(lists, seed, 100,
                    value -> assertThat(value.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(10));
            assertThat(shrunk).containsExactly(Collections.nCopies(11, 0));
        }
    }

    @Nested
    @DisplayName("length list: a list of a generated length n in 1..100 (flatMap), elements 0..1000, max below 900")
    class LengthList {
        @FromThreeSeeds
        @DisplayName("shrinks to [900]")
        void lengthList(long seed) {
            Gen<List<Integer>> lists = Gens.integers(1, 100).flatMap(n -> Gens.lists(Gens.integers(0, 1_000), n, n));
            List<Integer> shrunk = shrunk(lists, seed, 100, list -> assertThat(Collections.max(list)).isLessThan(900));
            assertThat(shrunk).containsExactly(900);
        }
    }

    @Nested
    @DisplayName("distinct: a list of integers has fewer than three distinct elements")
    class Distinct {
        @FromThreeSeeds
        @DisplayName("shrinks to [0, 1, -1] (or [0, 1, 2])")
        void distinct(long seed) {
            List<Integer> shrunk = shrunk(Gens.lists(Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE), 0, 100), seed, 100,
                    list -> assertThat(new HashSet<>(list)).hasSizeLessThan(3));
            assertThat(shrunk).isIn(List.of(0, 1, -1), List.of(0, 1, 2));
        }
    }

    @Nested
    @DisplayName("deletion: after removing an element from a list it is no longer there (remove drops the first only)")
    class Deletion {
        @FromThreeSeeds
        @DisplayName("shrinks to ([0, 0], 0)")
        void deletion(long seed) {
            Gen<Tuple2<List<Integer>, Integer>> listAndElement = Gens.lists(Gens.integers(-100, 100), 1, 30)
                    .flatMap(list -> Gens.elements(list).map(element -> new Tuple2<>(list, element)));
            Tuple2<List<Integer>, Integer> shrunk = shrunk(listAndElement, seed, 1_000, pair -> {
                List<Integer> list = new ArrayList<>(pair.first());
                list.remove(pair.second());
                assertThat(list).doesNotContain(pair.second());
            });
            assertThat(shrunk).isEqualTo(new Tuple2<>(List.of(0, 0), 0));
        }
    }

    @Nested
    @DisplayName("coupling: elements of a list index it, and no two point at each other")
    class Coupling {
        @FromThreeSeeds
        @DisplayName("shrinks to [1, 0]")
        void coupling(long seed) {
            List<Integer> shrunk = shrunk(Gens.lists(Gens.integers(0, 10), 0, 10), seed, 1_000, list -> {
                Property.assume(list.stream().allMatch(value -> value < list.size()));
                for (int i = 0; i < list.size(); i++) {
                    int j = list.get(i);
                    if (i != j) {
                        assertThat(list.get(j)).isNotEqualTo(i);
                    }
                }
            });
            assertThat(shrunk).containsExactly(1, 0);
        }
    }

    @Nested
    @DisplayName("difference: the absolute difference of two positive integers, for a first parameter of 10 or more")
    class Difference {

        private final Gen<Integer> positive = Gens.integers(1, Integer.MAX_VALUE);

        private Tuple2<Integer, Integer> shrunkPair(long seed, int tries, PropertyCheck2.Body<Integer, Integer> body) {
            PropertyFailure failure = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(positive, positive)
                    .seed(seed).tries(tries).storeFailuresIn(failures).check(body));
            assertThat(failure).as("the property should fail for seed %d", seed).isNotNull();
            @SuppressWarnings("unchecked")
            Tuple2<Integer, Integer> value = (Tuple2<Integer, Integer>) failure.shrunkValue();
            return value;
        }

        @FromThreeSeeds
        @DisplayName("must not be zero: shrinks to [10, 10]")
        void notZero(long seed) {
            assertThat(shrunkPair(seed, 10_000, (a, b) -> assertThat(a < 10 || Math.abs(a - b) != 0).isTrue()))
                    .isEqualTo(new Tuple2<>(10, 10));
        }

        @FromThreeSeeds
        @DisplayName("must not be small: shrinks to [10, 6]")
        void notSmall(long seed) {
            assertThat(shrunkPair(seed, 10_000, (a, b) -> {
                int difference = Math.abs(a - b);
                assertThat(a < 10 || difference < 1 || difference > 4).isTrue();
            })).isEqualTo(new Tuple2<>(10, 6));
        }

        @FromThreeSeeds
        @DisplayName("must not be one: shrinks to [10, 9]")
        void notOne(long seed) {
            assertThat(shrunkPair(seed, 10_000, (a, b) -> assertThat(a < 10 || Math.abs(a - b) != 1).isTrue()))
                    .isEqualTo(new Tuple2<>(10, 9));
        }
    }

    @Nested
    @DisplayName("calculator: an expression without a literal division by zero evaluates without dividing by zero")
    class Calculator {

        /** An expression of the calculator language. */
        sealed interface Expression permits Literal, Add, Divide {
        }

        record Literal(int value) implements Expression {
            @Override
            public String toString() {
                return String.valueOf(value);
            }
        }

        record Add(Expression left, Expression right) implements Expression {
            @Override
            public String toString() {
                return "(" + left + " + " + right + ")";
            }
        }

        record Divide(Expression left, Expression right) implements Expression {
            @Override
            public String toString() {
                return "(" + left + " / " + right + ")";
            }
        }

        private boolean noLiteralDivisionByZero(Expression expression) {
            if (expression instanceof Add add) {
                return noLiteralDivisionByZero(add.left()) && noLiteralDivisionByZero(add.right());
            }
            if (expression instanceof Divide divide) {
                return !(divide.right() instanceof Literal literal && literal.value() == 0)
                        && noLiteralDivisionByZero(divide.left()) && noLiteralDivisionByZero(divide.right());
            }
            return true;
        }

        private int evaluate(Expression expression) {
            if (expression instanceof Add add) {
                return evaluate(add.left()) + evaluate(add.right());
            }
            if (expression instanceof Divide divide) {
                return Math.floorDiv(evaluate(divide.left()), evaluate(divide.right()));
            }
            return ((Literal) expression).value();
        }

        @FromThreeSeeds
        @DisplayName("shrinks to 0 / (0 + 0) or 0 / (0 / 1), Hypothesis's two results")
        void calculator(long seed) {
            Gen<Expression> literals = Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Literal::new);
            Gen<Expression> expressions = Gens.recursive(literals, inner -> Gens.oneOf(
                    Gens.combine(inner, inner, Add::new), Gens.combine(inner, inner, Divide::new)), 5);
            Expression shrunk = shrunk(expressions, seed, 10_000, expression -> {
                Property.assume(noLiteralDivisionByZero(expression));
                evaluate(expression);
            });
            assertThat(shrunk.toString()).isIn("(0 / (0 + 0))", "(0 / (0 / 1))");
        }
    }

    @Nested
    @DisplayName("binheap: a wrong heap-to-sorted-list conversion")
    class Binheap {

        /** A binary heap: every key at least its parent's. */
        record Heap(int head, Heap left, Heap right) {
            @Override
            public String toString() {
                return "(" + head + ", " + (left == null ? "None" : left) + ", " + (right == null ? "None" : right) + ")";
            }
        }

        private Gen<Heap> heaps(int minKey, int size) {
            return choices -> {
                if (size <= 0 || choices.draw(1, 8) == 1) {
                    return null;
                }
                int head = (int) choices.draw(minKey, Math.min((long) minKey + 1_000_000, Integer.MAX_VALUE));
                return new Heap(head, heaps(head, size / 2).generate(choices), heaps(head, size / 2).generate(choices));
            };
        }

        private List<Integer> toList(Heap heap) {
            List<Integer> result = new ArrayList<>();
            Deque<Heap> stack = new ArrayDeque<>();
            if (heap != null) {
                stack.push(heap);
            }
            while (!stack.isEmpty()) {
                Heap current = stack.pop();
                result.add(current.head());
                if (current.left() != null) {
                    stack.push(current.left());
                }
                if (current.right() != null) {
                    stack.push(current.right());
                }
            }
            return result;
        }

        private Heap merge(Heap first, Heap second) {
            if (first == null) {
                return second;
            }
            if (second == null) {
                return first;
            }
            return first.head() <= second.head() ? new Heap(first.head(), merge(first.right(), second), first.left())
                    : new Heap(second.head(), merge(second.right(), first), second.left());
        }

        /** The bug: after the head, the merged rest is listed in heap order instead of being sorted. */
        private List<Integer> wrongToSortedList(Heap heap) {
            if (heap == null) {
                return List.of();
            }
            List<Integer> result = new ArrayList<>();
            result.add(heap.head());
            result.addAll(toList(merge(heap.left(), heap.right())));
            return result;
        }

        private int size(Heap heap) {
            return heap == null ? 0 : 1 + size(heap.left()) + size(heap.right());
        }

        @FromThreeSeeds
        @DisplayName("shrinks to a heap of four values with keys 0 and 1, the smallest the challenge names")
        void binheap(long seed) {
            Gen<Heap> heaps = Gens.integers(0, 20).flatMap(size -> heaps(0, size));
            Heap shrunk = shrunk(heaps, seed, 10_000, heap -> {
                List<Integer> sorted = wrongToSortedList(heap);
                List<Integer> expected = new ArrayList<>(toList(heap));
                Collections.sort(expected);
                assertThat(sorted).isEqualTo(expected);
            });
            assertThat(size(shrunk)).isEqualTo(4);
            Set<Integer> keys = new HashSet<>(toList(shrunk));
            assertThat(keys).containsExactlyInAnyOrder(0, 1);
        }
    }
}
