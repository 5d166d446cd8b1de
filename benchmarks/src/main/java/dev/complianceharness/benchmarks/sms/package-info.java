/** JMH benchmarks of the SMS quiet-hours decisions against the naive per-message approach. */
package dev.complianceharness.benchmarks.sms;
