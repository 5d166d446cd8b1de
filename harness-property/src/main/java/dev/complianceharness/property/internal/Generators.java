package dev.complianceharness.property.internal;

import dev.complianceharness.property.Choices;
import dev.complianceharness.property.Gen;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** The implementations behind {@link Gen}'s combinators, and the names generators carry into messages. */
public final class Generators {

    /** How many values a filter tries in one draw before the test case is discarded. */
    public static final int FILTER_ATTEMPTS = 100;

    private Generators() {
    }

    /**
     * A generator with a name, shown by {@code toString()}.
     *
     * @param generator what generates the values
     * @param name      the name
     * @param <T>       the value type
     * @return the named generator
     */
    public static <T> Gen<T> named(Gen<T> generator, String name) {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(name, "name");
        Gen<T> unwrapped = generator instanceof Named<T> named ? named.generator : generator;
        return new Named<>(unwrapped, name);
    }

    /**
     * The name of a generator for messages: its {@link Gen#describedAs(String) name}, or its class.
     *
     * @param generator the generator
     * @return its name
     */
    public static String nameOf(Gen<?> generator) {
        if (generator instanceof Named<?> named) {
            return named.name;
        }
        return "a generator (" + generator.getClass().getName() + "; name it with describedAs(...))";
    }

    /**
     * The implementation of {@link Gen#map}.
     *
     * @param source the generator mapped
     * @param mapper the transformation
     * @param <T>    the source type
     * @param <R>    the result type
     * @return the mapped generator
     */
    public static <T, R> Gen<R> map(Gen<T> source, Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Named<>(choices -> mapper.apply(source.generate(choices)), nameOf(source) + ".map(...)");
    }

    /**
     * The implementation of {@link Gen#flatMap}: the dependent value is drawn in its own span.
     *
     * @param source the first generator
     * @param mapper chooses the second generator
     * @param <T>    the first value's type
     * @param <R>    the result type
     * @return the dependent generator
     */
    public static <T, R> Gen<R> flatMap(Gen<T> source, Function<? super T, ? extends Gen<? extends R>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new Named<>(choices -> {
            T first = source.generate(choices);
            Gen<? extends R> next = mapper.apply(first);
            if (next == null) {
                throw new NullPointerException(nameOf(source) + ".flatMap(...) returned no generator for " + first);
            }
            if (choices instanceof TestCase testCase) {
                testCase.startSpan(TestCase.DEPENDENT);
                R value = next.generate(choices);
                testCase.stopSpan();
                return value;
            }
            return next.generate(choices);
        }, nameOf(source) + ".flatMap(...)");
    }

    /**
     * The implementation of {@link Gen#filter}: each attempt in its own span, at most {@value #FILTER_ATTEMPTS}.
     *
     * @param source    the generator filtered
     * @param predicate what a kept value satisfies
     * @param <T>       the value type
     * @return the filtered generator
     */
    public static <T> Gen<T> filter(Gen<T> source, Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        String name = nameOf(source) + ".filter(...)";
        return new Named<>(choices -> {
            TestCase testCase = choices instanceof TestCase recorded ? recorded : null;
            for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                if (testCase != null) {
                    testCase.startSpan(TestCase.FILTER_ATTEMPT);
                }
                T value = source.generate(choices);
                if (testCase != null) {
                    testCase.stopSpan();
                }
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new Rejected(name);
        }, name);
    }

    /** Generates from another generator and shows a name. */
    private static final class Named<T> implements Gen<T> {
        private final Gen<T> generator;
        private final String name;

        Named(Gen<T> generator, String name) {
            this.generator = generator;
            this.name = name;
        }

        @Override
        public T generate(Choices choices) {
            return generator.generate(choices);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A filter rejected {@value #FILTER_ATTEMPTS} values in a row: the test case is discarded. */
    public static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String generator;

        Rejected(String generator) {
            super(generator + " rejected " + FILTER_ATTEMPTS + " values in a row", null, false, false);
            this.generator = generator;
        }

        /**
         * The name of the filtered generator.
         *
         * @return the name
         */
        public String generator() {
            return generator;
        }
    }
}
