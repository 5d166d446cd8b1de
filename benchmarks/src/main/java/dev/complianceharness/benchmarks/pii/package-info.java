/** Benchmarks of PII scanning against the naive regex-per-detector approach. */
package dev.complianceharness.benchmarks.pii;
