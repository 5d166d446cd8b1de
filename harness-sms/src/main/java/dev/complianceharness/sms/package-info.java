/**
 * SMS compliance: message kinds and the data versions decisions depend on; recipients in
 * {@link dev.complianceharness.sms.recipient}, contact-window rules in {@link dev.complianceharness.sms.rules},
 * decisions in {@link dev.complianceharness.sms.decision}.
 */
package dev.complianceharness.sms;
