package dev.complianceharness.sms.assertions;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.outbox.SmsSent;
import org.apiguardian.api.API;

/**
 * The entry point of the SMS assertions.
 *
 * <pre>{@code
 * import static dev.complianceharness.sms.assertions.SmsAssertions.assertThat;
 *
 * assertThat(outbox.sent().get(0)).isMarketing().wasSentWithinPermittedHours();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsAssertions {

    private SmsAssertions() {
    }

    /**
     * Starts assertions on a recorded text.
     *
     * @param actual the text
     * @return the assertion
     */
    public static SmsAssert assertThat(SmsSent actual) {
        return new SmsAssert(actual);
    }
}
