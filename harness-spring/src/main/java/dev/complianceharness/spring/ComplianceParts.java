package dev.complianceharness.spring;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.TestClock;
import dev.complianceharness.junit.RunningComplianceTest;
import org.apiguardian.api.API;

/**
 * The running compliance test's recording parts, as a bean: {@link ComplianceBeans} registers one. A team's test
 * configuration uses it to point the application's gateways at the harness, once for the whole suite.
 *
 * <pre>{@code
 * @TestConfiguration
 * class RecordingGateways {
 *     @Bean @Primary
 *     SmsSender recordingSmsSender(ComplianceParts parts) {
 *         return sms -> parts.get(SmsOutbox.class).send(sms.to(), sms.text(), MessageKind.MARKETING);
 *     }
 * }
 * }</pre>
 *
 * <p>Every call resolves the test anew, so one bean serves every test of a cached context, in parallel too.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ComplianceParts {

    /** Created by {@link ComplianceBeans}; a test has no need to create one. */
    public ComplianceParts() {
    }

    /**
     * A recording part of the running test: the same instance the test's parameter of that type gets.
     *
     * @param type the part's type, for example {@code SmsOutbox.class}
     * @param <T>  the type
     * @return the part
     * @throws IllegalStateException when no compliance test runs, when the call cannot be attributed to one
     *                               running test, or when no module active on the test provides the type
     */
    public <T> T get(Class<T> type) {
        return test("the " + type.getSimpleName() + " part (through ComplianceParts)").part(type);
    }

    /**
     * @return the running test's clock
     * @throws IllegalStateException when the call cannot be attributed to one running test
     */
    public TestClock clock() {
        return test("the TestClock (through ComplianceParts)").clock();
    }

    /**
     * @return the running compliance test this call works for
     * @throws IllegalStateException when the call cannot be attributed to one running test
     */
    public RunningComplianceTest test() {
        return test("ComplianceParts");
    }

    private static RunningComplianceTest test(String what) {
        return RunningComplianceTest.resolve(what);
    }
}
