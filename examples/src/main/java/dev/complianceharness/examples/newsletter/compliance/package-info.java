/** The CAN-SPAM invariant module a marketing-compliance expert wrote for the newsletter, with its recording outbox. */
package dev.complianceharness.examples.newsletter.compliance;
