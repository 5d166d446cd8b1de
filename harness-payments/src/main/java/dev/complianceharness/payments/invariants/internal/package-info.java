/** Internals of harness-payments; not an API, may change in any release. */
package dev.complianceharness.payments.invariants.internal;
