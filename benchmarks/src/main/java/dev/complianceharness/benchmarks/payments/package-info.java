/** Benchmarks of the generated payment tests: sequences checked per second, and the time to find and shrink a race. */
package dev.complianceharness.benchmarks.payments;
