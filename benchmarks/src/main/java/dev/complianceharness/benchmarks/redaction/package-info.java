/** Benchmarks of the redaction boundary against the naive replace-every-known-value approach. */
package dev.complianceharness.benchmarks.redaction;
