package dev.complianceharness.spring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.spring.internal.ComplianceBeansCustomizerFactory;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Puts the harness into a Spring test's application context, so the application's own beans work with the
 * running compliance test: one line on a {@code @SpringBootTest} (or any Spring TestContext) class next to
 * {@link dev.complianceharness.junit.ComplianceTest}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @ComplianceBeans
 * @ComplianceTest(modules = SmsContactRulesModule.class)
 * class CartReminderTest {
 *     @Autowired CampaignScheduler scheduler;          // the application's bean, built on its Clock bean
 *
 *     @Test
 *     void defersEveningReminders(TestClock clock) {   // the same clock the Clock bean reads
 *         clock.setInstant(Instant.parse("2025-06-03T00:30:00Z"));
 *         scheduler.trigger("+13055550147", "Your cart misses you");
 *         clock.advance(Duration.ofHours(12));
 *         scheduler.dispatchDue();
 *     }
 * }
 * }</pre>
 *
 * <p>It registers three beans:
 * <ul>
 *   <li>a primary {@link java.time.Clock} that reads the running test's {@link dev.complianceharness.event.TestClock}
 *       (before any test runs, during the context's start, it shows {@code TestClock.DEFAULT_START});</li>
 *   <li>{@link ComplianceParts}, through which the team's test configuration hands the application a recording
 *       part of the running test ({@code parts.get(SmsOutbox.class)}) wherever it would call a real gateway;</li>
 *   <li>a {@link org.springframework.core.task.TaskDecorator} (unless the application defines one) that carries the
 *       running test, and its log capture, to the application's executor threads.</li>
 * </ul>
 *
 * <p>The context is shared by every test class that has the same configuration, as Spring caches it, and by
 * tests running in parallel: each bean resolves the test its thread works for at every call
 * ({@link dev.complianceharness.junit.RunningComplianceTest}), and fails closed — a call that cannot be
 * attributed to one running test throws and warns every running test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ContextCustomizerFactories(ComplianceBeansCustomizerFactory.class)
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface ComplianceBeans {
}
