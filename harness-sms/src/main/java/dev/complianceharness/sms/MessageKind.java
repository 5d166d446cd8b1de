package dev.complianceharness.sms;

/** What a text message is for; contact windows, caps and opt-outs apply to marketing. */
public enum MessageKind {
    /** Advertising or telemarketing: a promotion, a campaign, an abandoned-cart reminder. */
    MARKETING,
    /** A message the recipient asked for or needs: an order update, a one-time code, a security alert. */
    TRANSACTIONAL
}
