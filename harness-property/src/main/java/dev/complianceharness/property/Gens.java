package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.property.internal.Generators;
import dev.complianceharness.property.internal.Numbers;
import dev.complianceharness.property.internal.CodePoints;
import dev.complianceharness.property.internal.Decimals;
import dev.complianceharness.property.internal.Elements;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Factories for {@link Gen generators}. Every generator shrinks towards its simplest value: numbers towards
 * zero (or the bound nearest it), lists towards empty, alternatives towards the first.
 *
 * <pre>{@code
 * Gen<List<Integer>> amounts = Gens.lists(Gens.integers(1, 10_000), 0, 20);
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
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
        return Generators.named(choices -> {
            List<T> list = new ArrayList<>();
            Elements.fill(choices, name, element, minSize, maxSize, sink(list));
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

    /**
     * Doubles in a range, bounds included; shrinks towards zero (or the bound nearest it) and towards
     * whole numbers, and favours the bounds, zero and ±1.
     *
     * @param min the lower bound, finite
     * @param max the upper bound, finite
     * @return the generator
     * @throws InvalidGeneratorException if a bound is not finite or {@code min > max}
     */
    public static Gen<Double> doubles(double min, double max) {
        String name = "Gens.doubles(" + min + ", " + max + ")";
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InvalidGeneratorException(name + ": bounds must be finite numbers; use -Double.MAX_VALUE and"
                    + " Double.MAX_VALUE for the widest range");
        }
        if (min > max) {
            throw new InvalidGeneratorException(name + ": min " + min + " is greater than max " + max + "; swap the bounds");
        }
        Decimals range = new Decimals(min, max);
        return Generators.named(range::draw, name);
    }

    /**
     * Decimal numbers with a fixed scale (digits after the point) in a range, such as amounts of money;
     * shrinks towards zero (or the bound nearest it).
     *
     * @param min   the lower bound
     * @param max   the upper bound
     * @param scale the number of digits after the point, for example 2 for cents
     * @return the generator
     * @throws InvalidGeneratorException if no number of that scale lies in the range, or the range is too
     *                                   wide to count in units of the scale
     */
    public static Gen<BigDecimal> bigDecimals(BigDecimal min, BigDecimal max, int scale) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.bigDecimals(" + min.toPlainString() + ", " + max.toPlainString() + ", " + scale + ")";
        BigInteger low = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
        BigInteger high = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
        if (low.compareTo(high) > 0) {
            throw new InvalidGeneratorException(name + ": no number with " + scale + " digits after the point lies"
                    + " between the bounds; swap them, widen the range or raise the scale");
        }
        if (low.bitLength() > 63 || high.bitLength() > 63) {
            throw new InvalidGeneratorException(name + ": the range holds more than 2^63 steps of 10^-" + scale
                    + "; lower the scale or narrow the bounds");
        }
        Numbers.LongRange range = Numbers.range(low.longValueExact(), high.longValueExact());
        return Generators.named(choices -> BigDecimal.valueOf(range.draw(choices), scale), name);
    }

    /**
     * The constants of an enum; shrinks towards the first declared.
     *
     * @param type the enum type
     * @param <E>  the enum
     * @return the generator
     * @throws InvalidGeneratorException if the enum has no constants
     */
    public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
        Objects.requireNonNull(type, "type");
        E[] constants = type.getEnumConstants();
        if (constants.length == 0) {
            throw new InvalidGeneratorException("Gens.enums(" + type.getName() + "): the enum has no constants to"
                    + " choose from");
        }
        return elements(Arrays.asList(constants)).describedAs("Gens.enums(" + type.getSimpleName() + ")");
    }

    /**
     * Single characters from the given classes (all printable ASCII if none are given); shrinks towards
     * the first character of the first class.
     *
     * @param classes the character classes
     * @return the generator
     */
    public static Gen<String> characters(CharacterClass... classes) {
        CodePoints codePoints = codePoints(classes);
        return Generators.named(choices -> new String(Character.toChars(codePoints.draw(choices))),
                "Gens.characters(" + describe(classes) + ")");
    }

    /**
     * Strings of characters from the given classes (all printable ASCII if none are given), between the
     * lengths in code points; shrinks towards shorter strings of simpler characters.
     *
     * <pre>{@code
     * Gen<String> names = Gens.strings(1, 20, CharacterClass.LOWERCASE, CharacterClass.UPPERCASE);
     * }</pre>
     *
     * @param minLength the shortest length, in code points
     * @param maxLength the longest length, in code points
     * @param classes   the character classes
     * @return the generator
     * @throws InvalidGeneratorException if the lengths are negative or inverted
     */
    public static Gen<String> strings(int minLength, int maxLength, CharacterClass... classes) {
        String name = "Gens.strings(" + minLength + ", " + maxLength + (classes.length == 0 ? "" : ", ")
                + describe(classes) + ")";
        Elements.checkSizes(name, minLength, maxLength);
        CodePoints codePoints = codePoints(classes);
        return strings(name, codePoints, minLength, maxLength);
    }

    /**
     * Strings of characters from an alphabet, between the lengths in code points; shrinks towards shorter
     * strings of characters earlier in the alphabet.
     *
     * @param alphabet  the characters to use, simplest first
     * @param minLength the shortest length
     * @param maxLength the longest length
     * @return the generator
     * @throws InvalidGeneratorException if the alphabet is empty or the lengths are negative or inverted
     */
    public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
        Objects.requireNonNull(alphabet, "alphabet");
        String name = "Gens.strings(\"" + alphabet + "\", " + minLength + ", " + maxLength + ")";
        if (alphabet.isEmpty()) {
            throw new InvalidGeneratorException(name + ": the alphabet is empty; pass the characters to use");
        }
        Elements.checkSizes(name, minLength, maxLength);
        int[] ranges = alphabet.codePoints().flatMap(codePoint -> java.util.stream.IntStream.of(codePoint, codePoint))
                .toArray();
        return strings(name, new CodePoints(ranges), minLength, maxLength);
    }

    private static Gen<String> strings(String name, CodePoints codePoints, int minLength, int maxLength) {
        Gen<Integer> character = codePoints::draw;
        return Generators.named(choices -> {
            StringBuilder text = new StringBuilder();
            int[] length = {0};
            Elements.fill(choices, name, character, minLength, maxLength, new Elements.Sink<Integer>() {
                @Override
                public boolean add(Integer codePoint) {
                    text.appendCodePoint(codePoint);
                    length[0]++;
                    return true;
                }

                @Override
                public int size() {
                    return length[0];
                }
            });
            return text.toString();
        }, name);
    }

    private static CodePoints codePoints(CharacterClass... classes) {
        CharacterClass[] chosen = classes.length == 0
                ? new CharacterClass[] {CharacterClass.LOWERCASE, CharacterClass.UPPERCASE, CharacterClass.DIGITS,
                    CharacterClass.PUNCTUATION}
                : classes.clone();
        int[] ranges = new int[0];
        for (CharacterClass characterClass : chosen) {
            int[] more = Objects.requireNonNull(characterClass, "a null character class").ranges();
            int[] joined = Arrays.copyOf(ranges, ranges.length + more.length);
            System.arraycopy(more, 0, joined, ranges.length, more.length);
            ranges = joined;
        }
        return new CodePoints(ranges);
    }

    private static String describe(CharacterClass... classes) {
        List<String> names = new ArrayList<>();
        for (CharacterClass characterClass : classes) {
            names.add(String.valueOf(characterClass));
        }
        return String.join(", ", names);
    }

    /**
     * Lists without duplicates (by {@code equals}), sized between the bounds; duplicates drawn are skipped.
     *
     * @param element the element generator
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @param <T>     the element type
     * @return the generator
     * @throws InvalidGeneratorException if the bounds are negative or inverted, or (when generating) the
     *                                   element generator has fewer distinct values than {@code minSize}
     */
    public static <T> Gen<List<T>> uniqueLists(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        String name = "Gens.uniqueLists(" + Generators.nameOf(element) + ", " + minSize + ", " + maxSize + ")";
        Elements.checkSizes(name, minSize, maxSize);
        return Generators.named(choices -> {
            Set<T> seen = new LinkedHashSet<>();
            Elements.fill(choices, name, element, minSize, maxSize, sink(seen));
            return new ArrayList<>(seen);
        }, name);
    }

    /**
     * Sets (in the order their elements were drawn), sized between the bounds.
     *
     * @param element the element generator
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @param <T>     the element type
     * @return the generator
     * @throws InvalidGeneratorException if the bounds are negative or inverted, or (when generating) the
     *                                   element generator has fewer distinct values than {@code minSize}
     */
    public static <T> Gen<Set<T>> sets(Gen<T> element, int minSize, int maxSize) {
        Objects.requireNonNull(element, "element");
        String name = "Gens.sets(" + Generators.nameOf(element) + ", " + minSize + ", " + maxSize + ")";
        Elements.checkSizes(name, minSize, maxSize);
        return Generators.named(choices -> {
            Set<T> set = new LinkedHashSet<>();
            Elements.fill(choices, name, element, minSize, maxSize, sink(set));
            return set;
        }, name);
    }

    /**
     * Maps with distinct keys (in the order they were drawn), sized between the bounds.
     *
     * @param keys    the key generator
     * @param values  the value generator
     * @param minSize the smallest size
     * @param maxSize the largest size
     * @param <K>     the key type
     * @param <V>     the value type
     * @return the generator
     * @throws InvalidGeneratorException if the bounds are negative or inverted, or (when generating) the key
     *                                   generator has fewer distinct values than {@code minSize}
     */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        String name = "Gens.maps(" + Generators.nameOf(keys) + ", " + Generators.nameOf(values) + ", " + minSize
                + ", " + maxSize + ")";
        Elements.checkSizes(name, minSize, maxSize);
        Gen<Tuple2<K, V>> entries = tuples(keys, values);
        return Generators.named(choices -> {
            Map<K, V> map = new LinkedHashMap<>();
            Elements.fill(choices, name, entries, minSize, maxSize, new Elements.Sink<Tuple2<K, V>>() {
                @Override
                public boolean add(Tuple2<K, V> entry) {
                    if (map.containsKey(entry.first())) {
                        return false;
                    }
                    map.put(entry.first(), entry.second());
                    return true;
                }

                @Override
                public int size() {
                    return map.size();
                }
            });
            return map;
        }, name);
    }

    /** A sink into a collection: a set's {@code add} refuses duplicates, a list's never does. */
    private static <T> Elements.Sink<T> sink(java.util.Collection<T> collection) {
        return new Elements.Sink<>() {
            @Override
            public boolean add(T element) {
                return collection.add(element);
            }

            @Override
            public int size() {
                return collection.size();
            }
        };
    }

    /**
     * Empty, or a value from the generator; shrinks towards empty.
     *
     * @param generator the generator of present values
     * @param <T>       the value type
     * @return the generator
     */
    public static <T> Gen<Optional<T>> optionals(Gen<T> generator) {
        Objects.requireNonNull(generator, "generator");
        return Generators.named(choices -> choices.weighted(0.8) ? Optional.ofNullable(generator.generate(choices))
                : Optional.<T>empty(), "Gens.optionals(" + Generators.nameOf(generator) + ")");
    }

    /**
     * Instants in a range, bounds included, to the nanosecond; shrinks towards {@code min} and whole
     * seconds, and favours the bounds and the seconds next to them.
     *
     * @param min the earliest instant
     * @param max the latest instant
     * @return the generator
     * @throws InvalidGeneratorException if {@code min} is after {@code max}
     */
    public static Gen<Instant> instants(Instant min, Instant max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.instants(" + min + ", " + max + ")";
        if (min.isAfter(max)) {
            throw new InvalidGeneratorException(name + ": min is after max; swap the bounds");
        }
        return Generators.named(choices -> {
            long[] secondAndNano = secondAndNano(choices, min.getEpochSecond(), min.getNano(), max.getEpochSecond(),
                    max.getNano());
            return Instant.ofEpochSecond(secondAndNano[0], secondAndNano[1]);
        }, name);
    }

    /**
     * Date-times in a range, bounds included, to the nanosecond; shrinks towards {@code min}.
     *
     * @param min the earliest date-time
     * @param max the latest date-time
     * @return the generator
     * @throws InvalidGeneratorException if {@code min} is after {@code max}
     */
    public static Gen<LocalDateTime> localDateTimes(LocalDateTime min, LocalDateTime max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.localDateTimes(" + min + ", " + max + ")";
        if (min.isAfter(max)) {
            throw new InvalidGeneratorException(name + ": min is after max; swap the bounds");
        }
        return Generators.named(choices -> {
            long[] secondAndNano = secondAndNano(choices, min.toEpochSecond(ZoneOffset.UTC), min.getNano(),
                    max.toEpochSecond(ZoneOffset.UTC), max.getNano());
            return LocalDateTime.ofEpochSecond(secondAndNano[0], (int) secondAndNano[1], ZoneOffset.UTC);
        }, name);
    }

    private static long[] secondAndNano(Choices choices, long minSecond, long minNano, long maxSecond, long maxNano) {
        long second = choices.drawFavouring(minSecond, maxSecond, minSecond, maxSecond,
                Math.min(minSecond + 1, maxSecond), Math.max(maxSecond - 1, minSecond));
        long lowNano = second == minSecond ? minNano : 0;
        long highNano = second == maxSecond ? maxNano : 999_999_999;
        long nano = choices.drawFavouring(lowNano, highNano, lowNano, lowNano, highNano);
        return new long[] {second, nano};
    }

    /**
     * Dates in a range, bounds included; shrinks towards {@code min}.
     *
     * @param min the earliest date
     * @param max the latest date
     * @return the generator
     * @throws InvalidGeneratorException if {@code min} is after {@code max}
     */
    public static Gen<LocalDate> localDates(LocalDate min, LocalDate max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.localDates(" + min + ", " + max + ")";
        if (min.isAfter(max)) {
            throw new InvalidGeneratorException(name + ": min is after max; swap the bounds");
        }
        long first = min.toEpochDay();
        long last = max.toEpochDay();
        return Generators.named(choices -> LocalDate.ofEpochDay(choices.drawFavouring(first, last, first, last)), name);
    }

    /**
     * Times of day in a range, bounds included, to the nanosecond; shrinks towards {@code min} and whole
     * seconds.
     *
     * @param min the earliest time
     * @param max the latest time
     * @return the generator
     * @throws InvalidGeneratorException if {@code min} is after {@code max}
     */
    public static Gen<LocalTime> localTimes(LocalTime min, LocalTime max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.localTimes(" + min + ", " + max + ")";
        if (min.isAfter(max)) {
            throw new InvalidGeneratorException(name + ": min is after max; swap the bounds (a window across"
                    + " midnight is two ranges: combine them with Gens.oneOf)");
        }
        return Generators.named(choices -> {
            long[] secondAndNano = secondAndNano(choices, min.toSecondOfDay(), min.getNano(), max.toSecondOfDay(),
                    max.getNano());
            return LocalTime.ofSecondOfDay(secondAndNano[0]).withNano((int) secondAndNano[1]);
        }, name);
    }

    /**
     * Any time of day; shrinks towards midnight.
     *
     * @return the generator
     */
    public static Gen<LocalTime> localTimes() {
        return localTimes(LocalTime.MIN, LocalTime.MAX).describedAs("Gens.localTimes()");
    }

    /**
     * Durations in a range, bounds included, to the nanosecond; shrinks towards zero (or the bound nearest
     * it) and whole seconds.
     *
     * @param min the shortest duration (may be negative)
     * @param max the longest duration
     * @return the generator
     * @throws InvalidGeneratorException if {@code min} is longer than {@code max}
     */
    public static Gen<Duration> durations(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        String name = "Gens.durations(" + min + ", " + max + ")";
        if (min.compareTo(max) > 0) {
            throw new InvalidGeneratorException(name + ": min is longer than max; swap the bounds");
        }
        Numbers.LongRange seconds = Numbers.range(min.getSeconds(), max.getSeconds());
        return Generators.named(choices -> {
            long second = seconds.draw(choices);
            long lowNano = second == min.getSeconds() ? min.getNano() : 0;
            long highNano = second == max.getSeconds() ? max.getNano() : 999_999_999;
            return Duration.ofSeconds(second, choices.drawFavouring(lowNano, highNano, lowNano, highNano));
        }, name);
    }

    /**
     * Time-zone ids known to this JVM's time-zone data, {@code UTC} first, then in alphabetical order
     * (the JVM's tz database version decides the set: {@code java.time.zone.ZoneRulesProvider}).
     *
     * @return the generator
     */
    public static Gen<ZoneId> zoneIds() {
        List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
        ids.remove("UTC");
        java.util.Collections.sort(ids);
        ids.add(0, "UTC");
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ids) {
            zones.add(ZoneId.of(id));
        }
        return elements(zones).describedAs("Gens.zoneIds()");
    }

    /**
     * Objects built by a mutable builder: start from a fresh builder for each example, set each property
     * from its generator, then build.
     *
     * <pre>{@code
     * Gen<Payment> payments = Gens.builder(Payment::builder)
     *         .with(Gens.longs(1, 100_000), Payment.Builder::amountInCents)
     *         .with(Gens.elements("EUR", "USD"), Payment.Builder::currency)
     *         .build(Payment.Builder::build);
     * }</pre>
     *
     * @param newBuilder creates a fresh builder
     * @param <B>        the builder type
     * @return a builder generator, to add properties to
     */
    public static <B> BuilderGen<B> builder(Supplier<? extends B> newBuilder) {
        return BuilderGen.start(newBuilder);
    }

    /**
     * Combines the values of two generators, for records: {@code Gens.combine(amounts, currencies, Money::new)}.
     *
     * @param first   the first generator
     * @param second  the second generator
     * @param combine builds the result
     * @param <A>     the first value's type
     * @param <B>     the second value's type
     * @param <R>     the result type
     * @return the generator
     */
    public static <A, B, R> Gen<R> combine(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combine) {
        Objects.requireNonNull(combine, "combine");
        return tuples(first, second).map(pair -> combine.apply(pair.first(), pair.second()));
    }

    /**
     * Recursive structures (trees, nested lists, expressions) up to a depth: at each level either a leaf
     * from {@code base} or a node that {@code extend} builds from generators of smaller structures. Shrinks
     * towards leaves.
     *
     * <pre>{@code
     * Gen<Object> nested = Gens.recursive(Gens.integers(0, 9).map(i -> (Object) i),
     *         inner -> Gens.lists(inner, 0, 3).map(list -> (Object) list), 4);
     * }</pre>
     *
     * @param base     the leaves
     * @param extend   builds a node from a generator of sub-structures
     * @param maxDepth how many levels of nodes at most, at least 0
     * @param <T>      the structure type
     * @return the generator
     * @throws InvalidGeneratorException if {@code maxDepth} is negative
     */
    public static <T> Gen<T> recursive(Gen<T> base, Function<Gen<T>, ? extends Gen<? extends T>> extend, int maxDepth) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(extend, "extend");
        String name = "Gens.recursive(" + Generators.nameOf(base) + ", ..., " + maxDepth + ")";
        if (maxDepth < 0) {
            throw new InvalidGeneratorException(name + ": the depth must not be negative; 0 gives only leaves");
        }
        Gen<T> level = base;
        for (int depth = 1; depth <= maxDepth; depth++) {
            Gen<? extends T> node = Objects.requireNonNull(extend.apply(level), name + ": extend returned no generator");
            level = oneOf(base, node);
        }
        return level.describedAs(name);
    }

    /**
     * A generator created on first use, for self-referencing definitions; recursion is cut off when an
     * example grows beyond the engine's size limit (prefer {@link #recursive} with a depth).
     *
     * @param generator creates the generator
     * @param <T>       the value type
     * @return the generator
     */
    public static <T> Gen<T> lazy(Supplier<? extends Gen<T>> generator) {
        Objects.requireNonNull(generator, "generator");
        return Generators.named(new Gen<T>() {
            private volatile Gen<T> created;

            @Override
            public T generate(Choices choices) {
                Gen<T> current = created;
                if (current == null) {
                    current = Objects.requireNonNull(generator.get(), "Gens.lazy(...): the supplier returned no generator");
                    created = current;
                }
                return current.generate(choices);
            }
        }, "Gens.lazy(...)");
    }

    static void checkSizes(String name, int minSize, int maxSize) {
        Elements.checkSizes(name, minSize, maxSize);
    }

    private static void checkRange(String name, long min, long max) {
        if (min > max) {
            throw new InvalidGeneratorException(name + ": min " + min + " is greater than max " + max
                    + "; swap the bounds");
        }
    }
}
