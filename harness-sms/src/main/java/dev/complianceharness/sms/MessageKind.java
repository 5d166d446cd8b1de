package dev.complianceharness.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a message is for, which decides the rules that cover it: contact-window laws are written for
 * telephone solicitations, so the shipped rules cover {@link #MARKETING}; a team can add rules for the
 * other kinds.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum MessageKind {
    /** A promotional or sales message (telephone solicitation, telemarketing). */
    MARKETING,
    /** A non-promotional notice the recipient expects, such as an appointment reminder. */
    INFORMATIONAL,
    /** A message caused by the recipient's own transaction: a one-time code, an order or payment update. */
    TRANSACTIONAL,
    /** The single confirmation sent after the recipient opts out (STOP). */
    OPT_OUT_CONFIRMATION
}
