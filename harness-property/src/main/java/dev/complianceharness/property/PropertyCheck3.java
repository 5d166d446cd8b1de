package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * A property over three generators, ready to run: configure it, then {@link #check(Body)}.
 *
 * @param <A> the first value's type
 * @param <B> the second value's type
 * @param <C> the third value's type
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PropertyCheck3<A, B, C> extends AbstractPropertyCheck<PropertyCheck3<A, B, C>> {

    private final Gen<Tuple3<A, B, C>> generator;
    private final List<Function<? super Tuple3<A, B, C>, String>> labellers = new ArrayList<>();

    PropertyCheck3(Gen<A> first, Gen<B> second, Gen<C> third) {
        this.generator = Gens.tuples(first, second, third);
    }

    /**
     * Labels every example; see {@link PropertyCheck#label(Function)}.
     *
     * @param labeller gives an example's label, or null for none
     * @return this check
     */
    public PropertyCheck3<A, B, C> label(Function<? super Tuple3<A, B, C>, String> labeller) {
        labellers.add(Objects.requireNonNull(labeller, "labeller"));
        return this;
    }

    /**
     * Runs the property.
     *
     * @param body checks three values
     * @return how the run went
     * @throws PropertyFailure when it fails; its shrunk value is a {@link Tuple3}
     */
    public PropertyResult check(Body<A, B, C> body) {
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
    public DynamicTest toDynamicTest(String displayName, Body<A, B, C> body) {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(body, "body");
        String caller = caller();
        nameIfUnnamed(displayName);
        return DynamicTest.dynamicTest(displayName, () -> run(body, caller));
    }

    private PropertyResult run(Body<A, B, C> body, String caller) {
        return new Engine<>(generator, triple -> body.check(triple.first(), triple.second(), triple.third()),
                settings(), labellers, caller).run();
    }

    /**
     * A property's body over three values.
     *
     * @param <A> the first value's type
     * @param <B> the second value's type
     * @param <C> the third value's type
     */
    @FunctionalInterface
    public interface Body<A, B, C> {
        /**
         * Checks one triple.
         *
         * @param first  the first value
         * @param second the second value
         * @param third  the third value
         * @throws Throwable when the property does not hold for them
         */
        void check(A first, B second, C third) throws Throwable;
    }
}
