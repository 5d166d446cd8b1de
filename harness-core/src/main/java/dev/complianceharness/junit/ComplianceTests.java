package dev.complianceharness.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/** Holds repeated {@link ComplianceTest} annotations; written by the compiler, not by hand. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(ComplianceExtension.class)
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface ComplianceTests {

    /**
     * The repeated annotations.
     *
     * @return the annotations
     */
    ComplianceTest[] value();
}
