package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.pii.logs.CapturedLogs;
import org.apiguardian.api.API;

/**
 * Entry point of the AssertJ assertions on captured logs.
 *
 * <pre>{@code
 * import static dev.complianceharness.pii.PiiAssertions.assertThat;
 *
 * try (LogCapture capture = LogCapture.start("signup")) {
 *     service.signUp(ada.name(), ada.email());
 *     assertThat(capture.logs()).containsNoPii().containsNoCanaries(canaries);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class PiiAssertions {

    private PiiAssertions() {
    }

    /**
     * @param actual captured logs
     * @return the assertion
     */
    public static CapturedLogsAssert assertThat(CapturedLogs actual) {
        return new CapturedLogsAssert(actual);
    }
}
