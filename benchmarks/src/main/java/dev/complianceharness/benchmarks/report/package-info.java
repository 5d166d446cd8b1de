/** Benchmarks of the report: merging the partial results of a forked build. */
package dev.complianceharness.benchmarks.report;
