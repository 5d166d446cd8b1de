/** Internals of the SMS invariants and assertions; not API. */
package dev.complianceharness.sms.invariants.internal;
