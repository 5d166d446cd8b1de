/** SMS contact rules as tests: message kinds, and (in sub-packages) the outbox, invariants, assertions and generators. */
package dev.complianceharness.sms;
