/** A sample payment service with manual capture, on PostgreSQL through plain JDBC and in memory, with deliberate flaws for the proof tests. */
package dev.complianceharness.examples.payments;
