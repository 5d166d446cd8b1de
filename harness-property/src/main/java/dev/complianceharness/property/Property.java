package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.property.internal.Discard;
import dev.complianceharness.property.internal.Engine;
import org.apiguardian.api.API;

/**
 * Entry point of the programmatic API: a property holds for every generated example, inside any JUnit
 * test.
 *
 * <pre>{@code
 * @Test
 * void refundsNeverExceedCaptures() {
 *     Property.forAll(Gens.longs(0, 1_000_000), Gens.longs(0, 1_000_000))
 *             .tries(200)
 *             .check((captured, refunded) -> assertThat(ledger.refund(captured, refunded)).isLessThanOrEqualTo(captured));
 * }
 * }</pre>
 *
 * A failure throws a {@link PropertyFailure} with the seed, the original and the shrunk example, and how
 * to replay it ({@code -Dcomplianceharness.seed=...}); the shrunk example is stored under
 * {@code target/compliance-harness/failures} and tried first on the next run.
 */
@API(status = STABLE, since = "0.1.0")
public final class Property {

    private Property() {
    }

    /**
     * A property over one generator.
     *
     * @param generator the generator of examples
     * @param <T>       the example type
     * @return the check, to configure and run
     */
    public static <T> PropertyCheck<T> forAll(Gen<T> generator) {
        return new PropertyCheck<>(generator);
    }

    /**
     * A property over two generators.
     *
     * @param first  the first generator
     * @param second the second generator
     * @param <A>    the first value's type
     * @param <B>    the second value's type
     * @return the check, to configure and run
     */
    public static <A, B> PropertyCheck2<A, B> forAll(Gen<A> first, Gen<B> second) {
        return new PropertyCheck2<>(first, second);
    }

    /**
     * A property over three generators.
     *
     * @param first  the first generator
     * @param second the second generator
     * @param third  the third generator
     * @param <A>    the first value's type
     * @param <B>    the second value's type
     * @param <C>    the third value's type
     * @return the check, to configure and run
     */
    public static <A, B, C> PropertyCheck3<A, B, C> forAll(Gen<A> first, Gen<B> second, Gen<C> third) {
        return new PropertyCheck3<>(first, second, third);
    }

    /**
     * Discards the current example unless the condition holds (it counts neither as passed nor failed).
     * Prefer generating valid examples: a property that discards most examples fails with an
     * {@link InvalidGeneratorException}.
     *
     * @param condition what a meaningful example satisfies
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw new Discard();
        }
    }

    /**
     * Labels the current example from inside a property's body; the distribution is reported and can be
     * required with {@link AbstractPropertyCheck#requireCoverage(String, double)}.
     *
     * @param label the label
     * @throws IllegalStateException outside a property's body
     */
    public static void label(String label) {
        if (!Engine.label(label)) {
            throw new IllegalStateException("Property.label(\"" + label + "\") was called outside a property's body;"
                    + " call it inside check(...)");
        }
    }
}
