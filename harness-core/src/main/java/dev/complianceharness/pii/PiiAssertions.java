package dev.complianceharness.pii;

import dev.complianceharness.pii.logs.CapturedLogs;

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
