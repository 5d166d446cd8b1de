package dev.complianceharness.benchmarks.property;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Property;
import dev.complianceharness.property.PropertyFailure;
import dev.complianceharness.property.Tuple2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Shrinking the public shrinking challenges (github.com/jlink/shrinking-challenge) through the engine's public
 * API, next to the shrinker a user would otherwise write: a QuickCheck-style shrinker on the value itself
 * ({@link ValueShrinker}: integers towards zero, lists by removing chunks then shrinking elements, a
 * hand-written shrinker for the calculator's expressions and the heaps), which must be told each
 * generator's constraints to keep its candidates valid. Both start from the same failing example, the
 * first the engine finds from seed 1.
 *
 * <ul>
 *   <li>{@code findAndShrink}: the engine finds the failure from seed 1 and shrinks it, as a failing test does;</li>
 *   <li>{@code findOnly}: the same with shrinking off ({@code shrinkLimit(0)}): subtracted from the first, it
 *       leaves the engine's shrinking time;</li>
 *   <li>{@code naiveShrink}: the value shrinker on the same failing example.</li>
 * </ul>
 *
 * <p>The secondary result {@code minimal} is 1 when the shrunk example is the known minimum of the
 * challenge (the forms {@code ShrinkingChallengesTest} pins) and 0 when it is not: a fact of each run,
 * the same in every iteration. Scores are microseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShrinkingChallengeBenchmark {

    private static final long SEED = 1L;
    private static final int MAX_TRIES = 1_000_000;
    /** The engine's default replay budget for shrinking, given to both shrinkers. */
    private static final int SHRINK_REPLAYS = 10_000;

    /** The challenge to shrink. */
    @Param({"reverse", "bound5", "large_union_list", "nestedlists", "lengthlist", "distinct", "deletion", "coupling",
            "difference_one", "calculator", "binheap"})
    public String challenge;

    private Challenge<?> selected;
    private Object original;
    private Path failures;

    /** Whether the shrunk example is the challenge's known minimum: 1 or 0, set by every operation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        /** 1 when the last shrunk example was the known minimum, else 0. */
        public double minimal;
    }

    /**
     * Finds the first failing example from seed 1, without shrinking it.
     *
     * @throws IOException if the failure store's directory cannot be created
     */
    @Setup(Level.Trial)
    public void findFailure() throws IOException {
        System.setProperty("complianceharness.property.summary", "false");
        failures = Files.createTempDirectory("shrinking-benchmark");
        selected = Challenge.named(challenge);
        original = selected.find(failures, 0).shrunkValue();
        forgetStoredFailures();
    }

    /** Deletes the failure the engine stored, so that the next operation searches from the seed again. */
    @TearDown(Level.Invocation)
    public void forgetStoredFailures() {
        try (Stream<Path> stored = Files.list(failures)) {
            for (Path file : stored.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The engine finds the failure and shrinks it.
     *
     * @param outcome receives whether the result is minimal
     * @return the shrunk example
     */
    @Benchmark
    public Object findAndShrink(Outcome outcome) {
        Object shrunk = selected.find(failures, SHRINK_REPLAYS).shrunkValue();
        outcome.minimal = selected.minimal().test(shrunk) ? 1 : 0;
        return shrunk;
    }

    /**
     * The engine finds the failure, shrinking off.
     *
     * @return the failing example
     */
    @Benchmark
    public Object findOnly() {
        return selected.find(failures, 0).shrunkValue();
    }

    /**
     * The value shrinker shrinks the same failing example.
     *
     * @param outcome receives whether the result is minimal
     * @return the shrunk example
     */
    @Benchmark
    public Object naiveShrink(Outcome outcome) {
        Object shrunk = selected.naiveShrink(original);
        outcome.minimal = selected.minimal().test(shrunk) ? 1 : 0;
        return shrunk;
    }

    /**
     * A challenge: a generator, the failure it looks for, and what the value shrinker must know.
     *
     * @param generator  the generator
     * @param fails      whether an example fails the challenge's property
     * @param valid      whether a value is one the generator could produce (the value shrinker's constraint)
     * @param candidates the value shrinker's candidates for a value, simplest first
     * @param minimal    whether a shrunk example is the challenge's known minimum
     * @param <T>        the example type
     */
    record Challenge<T>(Gen<T> generator, Predicate<T> fails, Predicate<Object> valid,
                        Function<Object, Stream<Object>> candidates, Predicate<Object> minimal) {

        PropertyFailure find(Path failures, int shrinkReplays) {
            try {
                Property.forAll(generator).seed(SEED).tries(MAX_TRIES).shrinkLimit(shrinkReplays)
                        .storeFailuresIn(failures).check(example -> {
                            boolean failing;
                            try {
                                failing = fails.test(example);
                            } catch (RuntimeException notAnExample) {
                                Property.assume(false);
                                return;
                            }
                            if (failing) {
                                throw new AssertionError("the challenge's property does not hold");
                            }
                        });
            } catch (PropertyFailure failure) {
                return failure;
            }
            throw new IllegalStateException("no failing example in " + MAX_TRIES + " tries");
        }

        @SuppressWarnings("unchecked")
        boolean failing(Object value) {
            try {
                return valid.test(value) && fails.test((T) value);
            } catch (RuntimeException notAnExample) {
                return false;
            }
        }

        Object naiveShrink(Object failing) {
            return new ValueShrinker(candidates, this::failing, SHRINK_REPLAYS).shrink(failing);
        }

        static Challenge<?> named(String name) {
            Gen<Integer> anyInt = Gens.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
            Function<Object, Stream<Object>> byType = ValueShrinker::candidates;
            return switch (name) {
                case "reverse" -> new Challenge<>(Gens.lists(anyInt, 0, 100), list -> {
                    List<Integer> reversed = new ArrayList<>(list);
                    Collections.reverse(reversed);
                    return !reversed.equals(list);
                }, any -> true, byType, List.of(0, 1)::equals);
                case "bound5" -> {
                    Gen<List<Short>> bounded = Gens.lists(Gens.integers(Short.MIN_VALUE, Short.MAX_VALUE)
                            .map(Integer::shortValue), 0, 20).filter(list -> sum(list) < 256);
                    // a 5-tuple of lists, as the challenge states it (and ShrinkingChallengesTest generates it)
                    Gen<List<List<Short>>> five = Gens.tuples(Gens.tuples(bounded, bounded), Gens.tuples(bounded, bounded),
                            bounded).map(t -> List.of(t.first().first(), t.first().second(), t.second().first(),
                            t.second().second(), t.third()));
                    yield new Challenge<>(five,
                            lists -> sum(lists.stream().flatMap(List::stream).toList()) >= 5 * 256,
                            value -> value instanceof List<?> lists && lists.size() == 5 && lists.stream().allMatch(list ->
                                    list instanceof List<?> shorts && shorts.size() <= 20 && shortSum(shorts) < 256),
                            byType, value -> value instanceof List<?> lists && sortedRendering(lists)
                                    .equals(sortedRendering(List.of(List.of(), List.of(), List.of(), List.of((short) -1),
                                            List.of((short) -32768)))));
                }
                case "large_union_list" -> new Challenge<>(Gens.lists(Gens.lists(anyInt, 0, 10), 0, 10),
                        lists -> lists.stream().flatMap(List::stream).distinct().count() > 4, any -> true, byType,
                        List.of(List.of(0, 1, -1, 2, -2))::equals);
                case "nestedlists" -> new Challenge<>(Gens.lists(Gens.lists(Gens.constant(0), 0, 30), 0, 30),
                        lists -> lists.stream().mapToInt(List::size).sum() > 10, any -> true, byType,
                        List.of(Collections.nCopies(11, 0))::equals);
                case "lengthlist" -> new Challenge<>(Gens.integers(1, 100)
                        .flatMap(n -> Gens.lists(Gens.integers(0, 1_000), n, n)), list -> Collections.max(list) >= 900,
                        value -> value instanceof List<?> list && !list.isEmpty() && list.size() <= 100
                                && list.stream().allMatch(element -> element instanceof Integer i && i >= 0 && i <= 1_000),
                        byType, List.of(900)::equals);
                case "distinct" -> new Challenge<>(Gens.lists(anyInt, 0, 100), list -> new HashSet<>(list).size() >= 3,
                        any -> true, byType, value -> List.of(0, 1, -1).equals(value) || List.of(0, 1, 2).equals(value));
                case "deletion" -> new Challenge<>(Gens.lists(Gens.integers(-100, 100), 1, 30)
                        .flatMap(list -> Gens.elements(list).map(element -> List.of(list, element))), pair -> {
                            @SuppressWarnings("unchecked")
                            List<Integer> list = new ArrayList<>((List<Integer>) pair.get(0));
                            list.remove(pair.get(1));
                            return list.contains(pair.get(1));
                        }, value -> value instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof List<?> list
                                && !list.isEmpty() && list.size() <= 30 && list.contains(pair.get(1))
                                && list.stream().allMatch(element -> element instanceof Integer i && i >= -100 && i <= 100),
                        byType, List.of(List.of(0, 0), 0)::equals);
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
                }, value -> value instanceof List<?> list && list.size() <= 10
                        && list.stream().allMatch(element -> element instanceof Integer i && i >= 0 && i <= 10),
                        byType, List.of(1, 0)::equals);
                case "difference_one" -> new Challenge<>(Gens.tuples(Gens.integers(1, Integer.MAX_VALUE),
                        Gens.integers(1, Integer.MAX_VALUE)),
                        pair -> pair.first() >= 10 && Math.abs(pair.first() - pair.second()) == 1,
                        value -> value instanceof Tuple2<?, ?> pair && pair.first() instanceof Integer a && a >= 1
                                && pair.second() instanceof Integer b && b >= 1,
                        byType, value -> new Tuple2<>(10, 9).equals(value) || new Tuple2<>(10, 11).equals(value));
                case "calculator" -> new Challenge<>(Calculator.expressions(), Calculator::dividesByZero, any -> true,
                        Calculator::candidates, value -> Objects.equals(Calculator.render(value), "(0 / (0 + 0))")
                                || Objects.equals(Calculator.render(value), "(0 / (0 / 1))"));
                case "binheap" -> new Challenge<>(Gens.integers(0, 20).flatMap(size -> Heap.heaps(0, size)),
                        Heap::wronglySorted, Heap::valid, Heap::candidates,
                        value -> value instanceof Heap heap && heap.size() == 4
                                && new HashSet<>(Heap.toList(heap)).equals(java.util.Set.of(0, 1)));
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

        private static short shortSum(List<?> values) {
            short total = 0;
            for (Object value : values) {
                if (!(value instanceof Short number)) {
                    return Short.MAX_VALUE;
                }
                total = (short) (total + number);
            }
            return total;
        }

        private static List<String> sortedRendering(List<?> lists) {
            return lists.stream().map(String::valueOf).sorted().collect(Collectors.toList());
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

        /** The calculator's hand-written shrinker: a node by its operands, then each operand shrunk. */
        static Stream<Object> candidates(Object expression) {
            if (expression instanceof List<?> node) {
                Object operator = node.get(0);
                Object left = node.get(1);
                Object right = node.get(2);
                return Stream.concat(Stream.of(left, right), Stream.concat(
                        candidates(left).map(shrunk -> (Object) List.of(operator, shrunk, right)),
                        candidates(right).map(shrunk -> (Object) List.of(operator, left, shrunk))));
            }
            return ValueShrinker.candidates(expression);
        }

        /** An expression as the challenge writes it, for example {@code (0 / (0 + 0))}. */
        static String render(Object expression) {
            if (expression instanceof List<?> node) {
                return "(" + render(node.get(1)) + " " + node.get(0) + " " + render(node.get(2)) + ")";
            }
            return String.valueOf(expression);
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

        /** Whether a value is a heap: every key at least its parent's, keys from 0. */
        static boolean valid(Object value) {
            return value == null || value instanceof Heap heap && heap.head() >= 0 && ordered(heap);
        }

        private static boolean ordered(Heap heap) {
            return (heap.left() == null || heap.left().head() >= heap.head() && ordered(heap.left()))
                    && (heap.right() == null || heap.right().head() >= heap.head() && ordered(heap.right()));
        }

        /** The heap's hand-written shrinker: nothing, a sub-heap, then the key and each sub-heap shrunk. */
        static Stream<Object> candidates(Object value) {
            if (!(value instanceof Heap heap)) {
                return Stream.empty();
            }
            List<Object> smaller = new ArrayList<>();
            smaller.add(null);
            if (heap.left() != null) {
                smaller.add(heap.left());
            }
            if (heap.right() != null) {
                smaller.add(heap.right());
            }
            return Stream.concat(Stream.concat(smaller.stream(), ValueShrinker.integral(heap.head())
                            .mapToObj(head -> (Object) new Heap((int) head, heap.left(), heap.right()))),
                    Stream.concat(candidates(heap.left()).map(left -> (Object) new Heap(heap.head(), (Heap) left, heap.right())),
                            candidates(heap.right()).map(right -> (Object) new Heap(heap.head(), heap.left(), (Heap) right))));
        }

        int size() {
            return 1 + (left == null ? 0 : left.size()) + (right == null ? 0 : right.size());
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
