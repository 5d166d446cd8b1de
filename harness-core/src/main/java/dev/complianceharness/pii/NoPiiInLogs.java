package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.complianceharness.junit.ComplianceTest;
import dev.complianceharness.pii.logs.CheckedLevels;
import dev.complianceharness.pii.internal.NoPiiInLogsModule;
import org.apiguardian.api.API;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Fails a test whose logs or standard output contain personal data. For each test it captures Logback,
 * Log4j 2, {@code java.util.logging}, {@code System.out} and {@code System.err} (see
 * {@link dev.complianceharness.pii.logs.LogCapture} for how events from the application's own threads are
 * attributed), then searches what was captured for the {@link Canaries} the test planted — in their usual
 * transformations — and for anything the {@link Detector}s find. A leak fails the test naming the canary
 * field or detector, the transformation, the logger and the masked line, and appears in the compliance
 * report. Works alone or next to {@code @ComplianceTest}; works as a meta-annotation and on
 * {@code @Nested} classes (the innermost annotation wins).
 *
 * <pre>{@code
 * @NoPiiInLogs
 * class SupportDeskTest {
 *     @Test
 *     void resetsPasswords(CanaryCustomer ada) {       // a synthetic customer, searched for after the test
 *         desk.register(ada.name(), ada.email());
 *         desk.resetPassword(ada.email());
 *     }
 * }
 * }</pre>
 *
 * Test parameters it provides: {@link Canaries} (plant more values), {@link CanaryCustomer} (a fresh
 * registered customer per parameter) and {@link dev.complianceharness.pii.logs.CapturedLogs}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ComplianceTest(modules = NoPiiInLogsModule.class)
@ResourceLock(providers = NoPiiInLogsLocks.class)
@API(status = STABLE, since = "0.1.0")
public @interface NoPiiInLogs {

    /** The value of {@link #seed()} that means "pick a random seed and print it". */
    long RANDOM_SEED = Long.MIN_VALUE;

    /** The JUnit resource lock that {@link Isolation#GLOBAL_LOCK} takes for writing and other captures for reading. */
    String LOCK = "dev.complianceharness.pii.logs";

    /**
     * The detectors to run as a second net behind the canaries.
     *
     * @return the detectors; empty (the default) runs all
     */
    Detector[] detectors() default {};

    /**
     * Regions for phone numbers written without a country code.
     *
     * @return CLDR region codes
     */
    String[] phoneRegions() default {"US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"};

    /**
     * @return findings below this confidence are ignored
     */
    double minimumConfidence() default PiiScanner.DEFAULT_MINIMUM_CONFIDENCE;

    /**
     * Values that are not personal data here, such as the company's support address.
     *
     * @return allowed values
     */
    String[] allow() default {};

    /**
     * Regular expressions of values that are not personal data here, such as {@code .*@acme\.example}.
     *
     * @return allowed patterns, each matched against a whole finding
     */
    String[] allowPatterns() default {};

    /**
     * How many trailing digits a partial mask of a card number may show.
     *
     * @return the digits; PCI DSS allows at most the first six and last four, the default allows the last four
     */
    int cardDigitsShown() default 4;

    /**
     * Which log levels to check. By default those the logging configuration enables: Logback and Log4j 2
     * events below them are counted, and the test reports how many it could not check. {@code ALL} checks
     * {@code DEBUG} and {@code TRACE} too, without changing what the application's own appenders receive.
     *
     * @return the levels checked
     */
    CheckedLevels levels() default CheckedLevels.CONFIGURED;

    /**
     * Hashes of planted values that count as leaks too: the digests of each value as planted and normalised
     * (lower case, E.164, without separators), in hex or Base64. None by default. A hash of personal data is
     * pseudonymous data, still personal data under the GDPR (Recital 26); choose this policy where the logs
     * must hold none.
     *
     * <pre>{@code
     * @NoPiiInLogs(hashes = {HashedForm.SHA_256, HashedForm.SHA_1, HashedForm.MD5})
     * }</pre>
     *
     * @return the digests searched for
     */
    HashedForm[] hashes() default {};

    /**
     * @return how events are attributed to the test
     */
    Isolation isolation() default Isolation.THREAD_CONTEXT;

    /**
     * The seed of the test's canaries; by default a random one, printed with every failure. The system
     * property {@code complianceharness.pii.seed} overrides the random default.
     *
     * @return the seed
     */
    long seed() default RANDOM_SEED;

    /** How captured events are attributed to the test while tests run in parallel. */
    enum Isolation {
        /**
         * Attribute by the logging thread's context (the test thread, threads it starts, tasks wrapped by
         * {@link dev.complianceharness.pii.logs.LogContext}) and the MDC; the test runs in parallel with
         * others. Detector findings in events nobody can attribute are not held against the test; canaries
         * are found everywhere.
         */
        THREAD_CONTEXT,
        /**
         * Take the global {@link #LOCK} for writing, so that no other {@code @NoPiiInLogs} test runs at the
         * same time, and claim every event that cannot be attributed otherwise: for code that logs from
         * threads the harness cannot follow. Tests without {@code @NoPiiInLogs} may still run alongside;
         * add {@code @Isolated} to exclude them too.
         */
        GLOBAL_LOCK
    }
}
