/** JMH benchmarks of the property engine: overhead per try against a hand-written loop, and shrinking time. */
package dev.complianceharness.benchmarks.property;
