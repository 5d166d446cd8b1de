/** The payment invariants (lifecycle, amounts, idempotency, ledger) and the module that bundles them. */
package dev.complianceharness.payments.invariants;
