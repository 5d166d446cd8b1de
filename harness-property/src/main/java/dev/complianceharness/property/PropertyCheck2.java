package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * A property over two generators, ready to run: configure it, then {@link #check(Body)}.
 *
 * <pre>{@code
 * Property.forAll(Gens.integers(0, 100), Gens.integers(0, 100))
 *         .check((a, b) -> assertThat(a + b).isGreaterThanOrEqualTo(a));
 * }</pre>
 *
 * @param <A> the first value's type
 * @param <B> the second value's type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PropertyCheck2<A, B> extends AbstractPropertyCheck<PropertyCheck2<A, B>> {

    private final Gen<Tuple2<A, B>> generator;
    private final List<Function<? super Tuple2<A, B>, String>> labellers = new ArrayList<>();

    PropertyCheck2(Gen<A> first, Gen<B> second) {
        this.generator = Gens.tuples(first, second);
    }

    /**
     * Labels every example; see {@link PropertyCheck#label(Function)}.
     *
     * @param labeller gives an example's label, or null for none
     * @return this check
     */
    public PropertyCheck2<A, B> label(BiFunction<? super A, ? super B, String> labeller) {
        Objects.requireNonNull(labeller, "labeller");
        labellers.add(pair -> labeller.apply(pair.first(), pair.second()));
        return this;
    }

    /**
     * Runs the property.
     *
     * @param body checks one pair of values
     * @return how the run went
     * @throws PropertyFailure when it fails; its shrunk value is a {@link Tuple2}
     */
    public PropertyResult check(Body<A, B> body) {
        Objects.requireNonNull(body, "body");
        return run(body, caller());
    }

    /**
     * The property as a dynamic test, for {@code @TestFactory} methods; it is named after the dynamic test
     * unless {@link #named(String) named}.
     *
     * <pre>{@code
     * @TestFactory
     * Stream<DynamicTest> ledgerProperties() {
     *     return Stream.of(Property.forAll(amounts).toDynamicTest("refunds never exceed captures", amount -> ...));
     * }
     * }</pre>
     *
     * @param displayName the dynamic test's name
     * @param body        checks one example
     * @return the dynamic test; it throws a {@link PropertyFailure} when the property fails
     */
    public DynamicTest toDynamicTest(String displayName, Body<A, B> body) {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(body, "body");
        String caller = caller();
        nameIfUnnamed(displayName);
        return DynamicTest.dynamicTest(displayName, () -> run(body, caller));
    }

    private PropertyResult run(Body<A, B> body, String caller) {
        return new Engine<>(generator, pair -> body.check(pair.first(), pair.second()), settings(), labellers,
                caller).run();
    }

    /**
     * A property's body over two values.
     *
     * @param <A> the first value's type
     * @param <B> the second value's type
     */
    @FunctionalInterface
    public interface Body<A, B> {
        /**
         * Checks one pair.
         *
         * @param first  the first value
         * @param second the second value
         * @throws Throwable when the property does not hold for them
         */
        void check(A first, B second) throws Throwable;
    }
}
