/** Internals of PII detection, canary search and log capture; not API. */
package dev.complianceharness.pii.internal;
