package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.PropertyExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generates a parameter of a {@link PropertyTest} method from a generator method of the test class: a
 * static or instance method without parameters that returns a {@link Gen} of the parameter's type.
 *
 * <pre>{@code
 * @PropertyTest
 * void holds(@From("amounts") long amount) { ... }
 *
 * static Gen<Long> amounts() { return Gens.longs(0, 1_000_000); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@ExtendWith(PropertyExtension.class)
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface From {

    /**
     * The name of the generator method in the test class.
     *
     * @return the method name
     */
    String value();
}
