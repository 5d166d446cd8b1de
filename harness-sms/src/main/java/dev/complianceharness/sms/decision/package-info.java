/**
 * Decisions: may a message of a kind go to a recipient at an instant, and when is the earliest it may.
 *
 * <pre>{@code
 * QuietHours quietHours = QuietHours.standard();
 * Decision decision = quietHours.decide(Recipient.of("+18505550123"),
 *         Instant.parse("2025-06-03T00:30:00Z"), MessageKind.MARKETING);
 * decision.permitted();      // false: 20:30 in America/New_York, Florida allows 08:00-20:00
 * decision.reason();         // "not permitted: ... Fla. Stat. 501.616(6) ..."
 * decision.nextPermitted();  // Optional[2025-06-03T12:00:00Z], 08:00 in New York
 * quietHours.earliestPermitted(recipient, now, MessageKind.MARKETING); // for schedulers
 * }</pre>
 */
package dev.complianceharness.sms.decision;
