package dev.complianceharness.sms.assertions;

import dev.complianceharness.sms.outbox.SmsSent;

/**
 * The entry point of the SMS assertions.
 *
 * <pre>{@code
 * import static dev.complianceharness.sms.assertions.SmsAssertions.assertThat;
 *
 * assertThat(outbox.sent().get(0)).isMarketing().wasSentWithinPermittedHours();
 * }</pre>
 */
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
