/** Named policies for what real payment providers do differently (idempotency, refunds, expiry, currency), each with the documentation it follows. */
package dev.complianceharness.payments.policy;
