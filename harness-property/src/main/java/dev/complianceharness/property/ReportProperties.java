package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.internal.PropertyExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connects programmatic properties ({@link Property#forAll(Gen)} inside {@code @Test} methods and
 * {@code @TestFactory} dynamic tests) to JUnit: their seed and tries are read from the JUnit configuration
 * parameters ({@code junit-platform.properties}), and their results reach the compliance report. Classes
 * annotated with {@code @ComplianceTest} or methods annotated with {@link PropertyTest} have this already.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PropertyExtension.class)
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface ReportProperties {
}
