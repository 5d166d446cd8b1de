package dev.complianceharness.examples.sms;

/**
 * Where the scheduler hands messages: an SMS provider's API client in production, the harness's recording
 * outbox in tests.
 */
@FunctionalInterface
public interface SmsSender {

    /**
     * Sends one message now.
     *
     * @param message the message
     */
    void send(OutboundSms message);
}
