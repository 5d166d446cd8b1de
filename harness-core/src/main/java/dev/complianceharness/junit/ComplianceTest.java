package dev.complianceharness.junit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.property.ReportProperties;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Activates invariant modules on a test class or method: each test gets its own event trace, the
 * modules' recording parts and a {@link dev.complianceharness.event.TestClock} as parameters, and every
 * active invariant is verified after the test. A violated invariant fails the test with a message that
 * names the invariant, its citation, its owner, the offending events and why.
 *
 * <pre>{@code
 * @ComplianceTest(modules = CanSpamModule.class)
 * class NewsletterTest {
 *     @Test
 *     void unsubscribedReadersGetNoMoreMail(EmailOutbox outbox, TestClock clock) {
 *         Newsletter newsletter = new Newsletter(outbox, clock);
 *         newsletter.unsubscribe("reader@example.com");
 *         clock.advance(Duration.ofDays(30));
 *         newsletter.sendIssue(42);
 *     }
 * }
 * }</pre>
 *
 * <p>The annotation can be repeated, and it works as a meta-annotation, so a team can compose its own
 * ({@code @SmsCompliance}) and stack several. Modules selected by {@link #moduleIds()} or
 * {@link #discoverModules()} are found through {@link java.util.ServiceLoader}. Configuration errors
 * (a module that cannot be instantiated, an unknown id, a module without invariants, two invariants with
 * one id) fail each test before its body runs, with what was wrong and how to fix it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ComplianceTests.class)
@ExtendWith(ComplianceExtension.class)
@ReportProperties
@API(status = STABLE, since = "0.1.0")
public @interface ComplianceTest {

    /**
     * Module classes to activate; each needs a public no-argument constructor.
     *
     * @return the module classes
     */
    Class<? extends InvariantModule>[] modules() default {};

    /**
     * Ids of modules registered for {@link java.util.ServiceLoader} to activate.
     *
     * @return the module ids
     */
    String[] moduleIds() default {};

    /**
     * Whether to activate every module registered for {@link java.util.ServiceLoader}.
     *
     * @return true to activate all discovered modules
     */
    boolean discoverModules() default false;

    /**
     * The instant the test clock starts at, as an ISO-8601 instant such as {@code "2025-03-09T06:59:59Z"};
     * empty for {@link dev.complianceharness.event.TestClock#DEFAULT_START}.
     *
     * @return the start instant
     */
    String clockStart() default "";
}
