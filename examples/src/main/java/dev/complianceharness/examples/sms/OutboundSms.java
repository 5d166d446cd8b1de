package dev.complianceharness.examples.sms;

import java.util.Objects;

/**
 * A text message the scheduler hands to its {@link SmsSender}.
 *
 * @param to      the recipient's number, in E.164 form
 * @param text    the message text
 * @param purpose why it is sent
 */
public record OutboundSms(String to, String text, Purpose purpose) {

    /** Why a message is sent; the contact rules apply to marketing only. */
    public enum Purpose {
        /** A promotion: an abandoned-cart reminder, a campaign. */
        MARKETING,
        /** A message the customer asked for: an order update, a one-time code. */
        TRANSACTIONAL,
        /** The single reply that confirms a STOP request. */
        OPT_OUT_CONFIRMATION
    }

    /** Checks that nothing is missing. */
    public OutboundSms {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(purpose, "purpose");
    }
}
