package dev.complianceharness.benchmarks.property;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.internal.Shrinker;
import dev.complianceharness.property.internal.TestCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long the engine's shrinker takes to reduce the first failing example of each public shrinking
 * challenge (github.com/jlink/shrinking-challenge) to its minimal form. The failing example is found
 * once per trial from seed 1; each operation shrinks it from scratch, replaying candidates through the
 * generator and the property as the engine does. Scores are microseconds per shrink.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShrinkingChallengeBenchmark {

    /** The challenge to shrink. */
    @Param({"reverse", "bound5", "large_union_list", "nestedlists", "lengthlist", "distinct", "deletion", "coupling",
            "difference_one", "calculator", "binheap"})
    public String challenge;

    private Challenge<?> selected;
    private TestCase failing;

    /** Finds the first failing example of the challenge. */
    @Setup
    public void findFailure() {
        selected = Challenge.named(challenge);
        failing = selected.failingReplay(selected.firstFailure(new SplittableRandom(1L)));
        if (failing == null) {
            throw new IllegalStateException(challenge + ": the failing example does not fail on replay");
        }
    }

    /**
     * Shrinks the failing example.
     *
     * @return the shrunk choices, so that the work is not optimised away
     */
    @Benchmark
    public long[] shrink() {
        return new Shrinker(failing, selected::failingReplay, 10_000).shrink().choices();
    }

    /**
     * A challenge: a generator and the failure it looks for.
     *
     * @param <T>       the example type
     * @param generator the generator
     * @param fails     whether an example fails the challenge's property (false for a discarded one)
     */
    record Challenge<T>(Gen<T> generator, Predicate<T> fails) {

        long[] firstFailure(SplittableRandom random) {
            for (int attempt = 0; attempt < 1_000_000; attempt++) {
                TestCase testCase = TestCase.random(random.split(), 0.05);
                if (failingCase(testCase)) {
                    return testCase.choices();
                }
            }
            throw new IllegalStateException("no failing example found");
        }

        TestCase failingReplay(long[] choices) {
            TestCase testCase = TestCase.replay(choices);
            return failingCase(testCase) ? testCase : null;
        }

        private boolean failingCase(TestCase testCase) {
            try {
                return fails.test(generator.generate(testCase));
            } catch (RuntimeException discarded) {
                return false;
            }
        }

        static Challenge<?> named(String name) {
            Gen<Integer> anyInt = Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
            return switch (name) {
                case "reverse" -> new Challenge<>(Gens.lists(anyInt, 0, 100), list -> {
                    List<Integer> reversed = new ArrayList<>(list);
                    Collections.reverse(reversed);
                    return !reversed.equals(list);
                });
                case "bound5" -> {
                    Gen<List<Short>> bounded = Gens.lists(Gens.integers(Short.MIN_VALUE, Short.MAX_VALUE)
                            .map(Integer::shortValue), 0, 20).filter(list -> sum(list) < 256);
                    yield new Challenge<>(Gens.lists(bounded, 5, 5),
                            lists -> sum(lists.stream().flatMap(List::stream).toList()) >= 5 * 256);
                }
                case "large_union_list" -> new Challenge<>(Gens.lists(Gens.lists(anyInt, 0, 10), 0, 10),
                        lists -> lists.stream().flatMap(List::stream).distinct().count() > 4);
                case "nestedlists" -> new Challenge<>(Gens.lists(Gens.lists(Gens.constant(0), 0, 30), 0, 30),
                        lists -> lists.stream().mapToInt(List::size).sum() > 10);
                case "lengthlist" -> new Challenge<>(Gens.integers(1, 100)
                        .flatMap(n -> Gens.lists(Gens.integers(0, 1_000), n, n)), list -> Collections.max(list) >= 900);
                case "distinct" -> new Challenge<>(Gens.lists(anyInt, 0, 100), list -> new HashSet<>(list).size() >= 3);
                case "deletion" -> new Challenge<>(Gens.lists(Gens.integers(-100, 100), 1, 30)
                        .flatMap(list -> Gens.elements(list).map(element -> List.of(list, element))), pair -> {
                            @SuppressWarnings("unchecked")
                            List<Integer> list = new ArrayList<>((List<Integer>) pair.get(0));
                            list.remove(pair.get(1));
                            return list.contains(pair.get(1));
                        });
                case "coupling" -> new Challenge<>(Gens.lists(Gens.integers(0, 10), 0, 10), list -> {
                    if (!list.stream().allMatch(value -> value < list.size())) {
                        return false;
                    }
                    for (int i = 0; i < list.size(); i++) {
                        if (i != list.get(i) && list.get(list.get(i)) == i) {
                            return true;
                        }
                    }
                    return false;
                });
                case "difference_one" -> new Challenge<>(Gens.tuples(Gens.integers(1, Integer.MAX_VALUE),
                        Gens.integers(1, Integer.MAX_VALUE)),
                        pair -> pair.first() >= 10 && Math.abs(pair.first() - pair.second()) == 1);
                case "calculator" -> new Challenge<>(Calculator.expressions(), Calculator::dividesByZero);
                case "binheap" -> new Challenge<>(Gens.integers(0, 20).flatMap(size -> Heap.heaps(0, size)),
                        Heap::wronglySorted);
                default -> throw new IllegalArgumentException("unknown challenge " + name);
            };
        }

        private static short sum(List<Short> values) {
            short total = 0;
            for (short value : values) {
                total = (short) (total + value);
            }
            return total;
        }
    }

    /** The calculator challenge: expressions of literals, additions and divisions. */
    static final class Calculator {

        private Calculator() {
        }

        static Gen<Object> expressions() {
            Gen<Object> literals = Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE).map(value -> (Object) value);
            return Gens.recursive(literals, inner -> Gens.oneOf(
                    Gens.combine(inner, inner, (left, right) -> (Object) List.of("+", left, right)),
                    Gens.combine(inner, inner, (left, right) -> (Object) List.of("/", left, right))), 5);
        }

        static boolean dividesByZero(Object expression) {
            if (!noLiteralDivisionByZero(expression)) {
                return false;
            }
            try {
                evaluate(expression);
                return false;
            } catch (ArithmeticException divisionByZero) {
                return true;
            }
        }

        private static boolean noLiteralDivisionByZero(Object expression) {
            if (expression instanceof List<?> node) {
                boolean literalZero = node.get(0).equals("/") && Integer.valueOf(0).equals(node.get(2));
                return !literalZero && noLiteralDivisionByZero(node.get(1)) && noLiteralDivisionByZero(node.get(2));
            }
            return true;
        }

        private static int evaluate(Object expression) {
            if (expression instanceof List<?> node) {
                int left = evaluate(node.get(1));
                int right = evaluate(node.get(2));
                return node.get(0).equals("+") ? left + right : Math.floorDiv(left, right);
            }
            return (Integer) expression;
        }
    }

    /**
     * The binheap challenge: a heap whose wrong conversion to a sorted list lists the merged rest in heap
     * order.
     *
     * @param head  the smallest key
     * @param left  the left sub-heap, or null
     * @param right the right sub-heap, or null
     */
    record Heap(int head, Heap left, Heap right) {

        static Gen<Heap> heaps(int minKey, int size) {
            return (Choices choices) -> {
                if (size <= 0 || choices.draw(1, 8) == 1) {
                    return null;
                }
                int head = (int) choices.draw(minKey, Math.min((long) minKey + 1_000_000, Integer.MAX_VALUE));
                return new Heap(head, heaps(head, size / 2).generate(choices), heaps(head, size / 2).generate(choices));
            };
        }

        static boolean wronglySorted(Heap heap) {
            if (heap == null) {
                return false;
            }
            List<Integer> wrong = new ArrayList<>();
            wrong.add(heap.head());
            wrong.addAll(toList(merge(heap.left(), heap.right())));
            List<Integer> sorted = toList(heap);
            Collections.sort(sorted);
            return !wrong.equals(sorted);
        }

        private static List<Integer> toList(Heap heap) {
            List<Integer> result = new ArrayList<>();
            List<Heap> stack = new ArrayList<>();
            if (heap != null) {
                stack.add(heap);
            }
            while (!stack.isEmpty()) {
                Heap current = stack.remove(stack.size() - 1);
                result.add(current.head());
                if (current.left() != null) {
                    stack.add(current.left());
                }
                if (current.right() != null) {
                    stack.add(current.right());
                }
            }
            return result;
        }

        private static Heap merge(Heap first, Heap second) {
            if (first == null) {
                return second;
            }
            if (second == null) {
                return first;
            }
            return first.head() <= second.head() ? new Heap(first.head(), merge(first.right(), second), first.left())
                    : new Heap(second.head(), merge(second.right(), first), second.left());
        }
    }
}
