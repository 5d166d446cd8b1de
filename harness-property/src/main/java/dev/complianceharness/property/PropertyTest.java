package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.property.internal.PropertyExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property-based test method: its {@link From}-annotated parameters are generated, and the method runs
 * once per example (100 unless configured). A failure is shrunk and reported as a {@link PropertyFailure};
 * the run's tries, seed and labels reach the compliance report. Other parameters are resolved by the
 * other extensions as usual, once per test. Lifecycle methods ({@code @BeforeEach}) run once per test,
 * not per example: create the system under test inside the method when each example needs a fresh one.
 *
 * <pre>{@code
 * @PropertyTest(tries = 200)
 * void refundsNeverExceedCaptures(@From("amounts") long captured, @From("amounts") long refunded) {
 *     assertThat(new Ledger().capture(captured).refund(refunded).refunded()).isLessThanOrEqualTo(captured);
 * }
 *
 * static Gen<Long> amounts() {
 *     return Gens.longs(0, 1_000_000);
 * }
 * }</pre>
 *
 * <p>The seed is random unless fixed here, by the configuration parameter {@code complianceharness.seed}
 * (a system property or an entry of {@code junit-platform.properties}), or by a stored failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@ExtendWith(PropertyExtension.class)
@API(status = STABLE, since = "0.1.0")
public @interface PropertyTest {

    /**
     * How many examples must hold; 0 (the default) means the configuration parameter
     * {@code complianceharness.tries}, or 100.
     *
     * @return the number of tries
     */
    int tries() default 0;

    /**
     * A fixed seed, to replay a printed failure; empty (the default) means the configured or a random seed.
     *
     * @return the seed, as a decimal number
     */
    String seed() default "";

    /**
     * Stops generating after this long even if fewer examples were tried, as an ISO-8601 duration such
     * as {@code "PT10S"}; empty (the default) means no budget.
     *
     * @return the time budget
     */
    String timeBudget() default "";

    /**
     * The property's name in messages and the report; empty (the default) means the method's name.
     *
     * @return the name
     */
    String name() default "";
}
