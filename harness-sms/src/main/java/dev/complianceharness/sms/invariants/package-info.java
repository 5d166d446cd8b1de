/** The SMS contact-rule invariants (quiet hours, frequency caps, opt-out) and the module that bundles them. */
package dev.complianceharness.sms.invariants;
