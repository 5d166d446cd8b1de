/** Cold start: what the first compliance decision and the first harness test add to a fresh test JVM. */
package dev.complianceharness.benchmarks.coldstart;
