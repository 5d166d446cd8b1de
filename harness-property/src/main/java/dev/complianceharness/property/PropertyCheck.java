package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.property.internal.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * A property over one generator, ready to run: configure it, then {@link #check(Body)}.
 *
 * <pre>{@code
 * Property.forAll(Gens.lists(Gens.integers(0, 1_000), 0, 20))
 *         .tries(200)
 *         .check(amounts -> assertThat(ledger.total(amounts)).isGreaterThanOrEqualTo(0));
 * }</pre>
 *
 * @param <T> the example type
 */
@API(status = STABLE, since = "0.1.0")
public final class PropertyCheck<T> extends AbstractPropertyCheck<PropertyCheck<T>> {

    private final Gen<T> generator;
    private final List<Function<? super T, String>> labellers = new ArrayList<>();

    PropertyCheck(Gen<T> generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * Labels every example; the distribution is reported and can be required with
     * {@link #requireCoverage(String, double)}.
     *
     * @param labeller gives an example's label, or null for none
     * @return this check
     */
    public PropertyCheck<T> label(Function<? super T, String> labeller) {
        labellers.add(Objects.requireNonNull(labeller, "labeller"));
        return this;
    }

    /**
     * Runs the property.
     *
     * @param body checks one example, throwing (an assertion error, say) when it does not hold
     * @return how the run went
     * @throws PropertyFailure with the seed, the original and the shrunk example, when it fails
     */
    public PropertyResult check(Body<T> body) {
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
    public DynamicTest toDynamicTest(String displayName, Body<T> body) {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(body, "body");
        String caller = caller();
        nameIfUnnamed(displayName);
        return DynamicTest.dynamicTest(displayName, () -> run(body, caller));
    }

    private PropertyResult run(Body<T> body, String caller) {
        return new Engine<>(generator, body::check, settings(), labellers, caller).run();
    }

    /**
     * A property's body over one value.
     *
     * @param <T> the example type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Checks one example.
         *
         * @param example the example
         * @throws Throwable when the property does not hold for it
         */
        void check(T example) throws Throwable;
    }
}
