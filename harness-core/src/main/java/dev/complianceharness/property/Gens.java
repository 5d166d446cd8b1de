package dev.complianceharness.property;

import dev.complianceharness.property.internal.Generators;
import dev.complianceharness.property.internal.Numbers;
import dev.complianceharness.property.internal.TestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Factories for {@link Gen generators}. Every generator shrinks towards its simplest value: numbers towards
 * zero (or the bound nearest it), lists towards empty, alternatives towards the first.
 *
 * <pre>{@code
 * Gen<List<Integer>> amounts = Gens.lists(Gens.integers(1, 10_000), 0, 20);
 * }</pre>
 */
public final class Gens {

    private Gens() {
    }

    /**
     * Integers in a range, bounds included; zero, ±1 and the bounds come up more often than chance.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return the generator
     * @throws InvalidGeneratorException if {@code min > max}
     */
    public static Gen<Integer> integers(int min, int max) {
        String name = "Gens.integers(" + min + ", " + max + ")";
        checkRange(name, min, max);
        Numbers.LongRange range = Numbers.range(min, max);
        return Generators.named(choices -> (int) range.draw(choices), name);
    }

    /**
     * Longs in a range, bounds included; zero, ±1 and the bounds come up more often than chance.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return the generator
     * @throws InvalidGeneratorException if {@code min > max}
     */
    public static Gen<Long> longs(long min, long max) {
        String name = "Gens.longs(" + min + ", " + max + ")";
        checkRange(name, min, max);
        Numbers.LongRange range = Numbers.range(min, max);
        return Generators.named(range::draw, name);
    }

    /**
     * {@code false} or {@code true}; shrinks to {@code false}.
     *
     * @return the generator
     */
    public static Gen<Boolean> booleans() {
        return Generators.named(choices -> choices.draw(0, 1) == 1, "Gens.booleans()");
    }

    /**
     * Always the same value.
     *
     * @param value the value
     * @param <T>   its type
     * @return the generator
     */
    public static <T> Gen<T> constant(T value) {
        return Generators.named(choices -> value, "Gens.constant(" + value + ")");
    }

    /**
     * A value from one of the generators, each picked equally often; shrinks towards the first.
     *
     * @param generators the alternatives, at least one
     * @param <T>        the value type
     * @return the generator
     * @throws InvalidGeneratorException if there are no alternatives
     */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        Objects.requireNonNull(generators, "generators");
        if (generators.length == 0) {
            throw new InvalidGeneratorException("Gens.oneOf(): needs at least one generator to choose from;"
                    + " pass the alternatives, or use Gens.constant(value) for a single value");
        }
        List<Gen<? extends T>> alternatives = new ArrayList<>();
        for (Gen<? extends T> generator : generators) {
            alternatives.add(Objects.requireNonNull(generator, "Gens.oneOf(...): a null generator"));
        }
        return Generators.named(choices -> alternatives.get((int) choices.draw(0, alternatives.size() - 1))
                .generate(choices), "Gens.oneOf(" + alternatives.size() + " generators)");
    }

    /**
     * One of the given values, each picked equally often; shrinks towards the first.
     *
     * @param values the values, at least one
     * @param <T>    the value type
     * @return the generator
     * @throws InvalidGeneratorException if there are no values
     */
    public static <T> Gen<T> elements(List<T> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new InvalidGeneratorException("Gens.elements([]): needs at least one value to choose from;"
                    + " pass a non-empty list");
        }
        List<T> copy = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        return Generators.named(choices -> copy.get((int) choices.draw(0, copy.size() - 1)),
                "Gens.elements(" + copy.size() + " values)");
    }

    /**
     * One of the given values, each picked equally often; shrinks towards the first.
     *
     * @param values the values, at least one
     * @param <T>    the value type
     * @return the generator
     * @throws InvalidGeneratorException if there are no values
     */
    @SafeVarargs
    public static <T> Gen<T> elements(T... values) {
        Objects.requireNonNull(values, "values");
        List<T> list = new ArrayList<>();
        for (T value : values) {
            list.add(value);
        }
        return elements(list);
    }

    /**
     * An alternative for {@link #frequency(Weighted[])}.
     *
     * @param weight    how often to pick it relative to the others; at least 1
     * @param generator the generator
     * @param <T>       the value type
     * @return the weighted alternative
     */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /**
     * A value from one of the alternatives, picked in proportion to their weights; shrinks towards the
     * first alternative.
     *
     * <pre>{@code
     * Gen<String> kinds = Gens.frequency(Gens.weighted(9, Gens.constant("MARKETING")),
     *                                    Gens.weighted(1, Gens.constant("TRANSACTIONAL")));
     * }</pre>
     *
     * @param alternatives the weighted alternatives, at least one
     * @param <T>          the value type
     * @return the generator
     * @throws InvalidGeneratorException if there are no alternatives
     */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... alternatives) {
        Objects.requireNonNull(alternatives, "alternatives");
        if (alternatives.length == 0) {
            throw new InvalidGeneratorException("Gens.frequency(): needs at least one weighted alternative;"
                    + " pass Gens.weighted(weight, generator) for each");
        }
        List<Weighted<? extends T>> copy = new ArrayList<>();
        for (Weighted<? extends T> alternative : alternatives) {
            copy.add(Objects.requireNonNull(alternative, "Gens.frequency(...): a null alternative"));
        }
        long[] cumulative = new long[copy.size()];
        long total = 0;
        for (int i = 0; i < copy.size(); i++) {
            total += copy.get(i).weight();
            cumulative[i] = total;
        }
        long last = total - 1;
        return Generators.named(choices -> {
            long pick = choices.draw(0, last);
            int index = Arrays.binarySearch(cumulative, pick + 1);
            int chosen = index >= 0 ? index : -index - 1;
            return copy.get(chosen).generator().generate(choices);
        }, "Gens.frequency(" + copy.size() + " alternatives)");
    }

    /**
     * Lists of generated elements, sized between the bounds; shrinks by removing elements and
     * simplifying the rest.
     *
     * @param element the element generator
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @param <T>     the element type
     * @return the generator
     * @throws InvalidGeneratorException if the bounds are negative or {@code minSize > maxSize}
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        String name = "Gens.lists(" + Generators.nameOf(element) + ", " + minSize + ", " + maxSize + ")";
        checkSizes(name, minSize, maxSize);
        double continuation = continuation(minSize, maxSize);
        return Generators.named(choices -> {
            List<T> list = new ArrayList<>();
            TestCase testCase = choices instanceof TestCase recorded ? recorded : null;
            while (list.size() < maxSize) {
                if (testCase != null) {
                    testCase.startSpan(TestCase.LIST_ELEMENT);
                }
                boolean forced = list.size() < minSize;
                boolean another = choices.weighted(forced ? 1.0 : continuation) || forced;
                if (another) {
                    list.add(element.generate(choices));
                }
                if (testCase != null) {
                    testCase.stopSpan();
                }
                if (!another) {
                    break;
                }
            }
            return list;
        }, name);
    }

    /**
     * Lists of generated elements with at most {@code maxSize} elements.
     *
     * @param element the element generator
     * @param maxSize the largest size
     * @param <T>     the element type
     * @return the generator
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int maxSize) {
        return lists(element, 0, maxSize);
    }

    /**
     * Pairs of values from two generators; each shrinks independently.
     *
     * @param first  the first generator
     * @param second the second generator
     * @param <A>    the first value's type
     * @param <B>    the second value's type
     * @return the generator
     */
    public static <A, B> Gen<Tuple2<A, B>> tuples(Gen<A> first, Gen<B> second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return Generators.named(choices -> new Tuple2<>(first.generate(choices), second.generate(choices)),
                "Gens.tuples(" + Generators.nameOf(first) + ", " + Generators.nameOf(second) + ")");
    }

    /**
     * Triples of values from three generators; each shrinks independently.
     *
     * @param first  the first generator
     * @param second the second generator
     * @param third  the third generator
     * @param <A>    the first value's type
     * @param <B>    the second value's type
     * @param <C>    the third value's type
     * @return the generator
     */
    public static <A, B, C> Gen<Tuple3<A, B, C>> tuples(Gen<A> first, Gen<B> second, Gen<C> third) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(third, "third");
        return Generators.named(choices -> new Tuple3<>(first.generate(choices), second.generate(choices),
                third.generate(choices)), "Gens.tuples(" + Generators.nameOf(first) + ", " + Generators.nameOf(second)
                + ", " + Generators.nameOf(third) + ")");
    }

    /** The probability of another element that gives the Hypothesis average size for the bounds. */
    static double continuation(int minSize, int maxSize) {
        double average = Math.min(Math.max(minSize * 2.0, minSize + 5.0), 0.5 * ((double) minSize + maxSize));
        double extra = Math.max(average - minSize, 0);
        return extra / (extra + 1);
    }

    static void checkSizes(String name, int minSize, int maxSize) {
        if (minSize < 0 || maxSize < 0) {
            throw new InvalidGeneratorException(name + ": sizes must not be negative; use a minimum size of 0 or more");
        }
        if (minSize > maxSize) {
            throw new InvalidGeneratorException(name + ": the minimum size " + minSize + " exceeds the maximum size "
                    + maxSize + "; swap them or raise the maximum");
        }
    }

    private static void checkRange(String name, long min, long max) {
        if (min > max) {
            throw new InvalidGeneratorException(name + ": min " + min + " is greater than max " + max
                    + "; swap the bounds");
        }
    }
}
