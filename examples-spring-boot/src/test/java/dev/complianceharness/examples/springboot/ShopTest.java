package dev.complianceharness.examples.springboot;

import dev.complianceharness.spring.ComplianceBeans;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The team's own test annotation, written once: the whole shop as {@code @SpringBootTest}, the harness's beans, and
 * the team's test configuration. Every test class then needs this one line of glue.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@ComplianceBeans
@Import(ShopTestConfiguration.class)
public @interface ShopTest {
}
