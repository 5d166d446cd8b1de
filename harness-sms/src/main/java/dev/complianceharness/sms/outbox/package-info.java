/** The SMS events a test records and the recording outbox the compliance extension hands to tests. */
package dev.complianceharness.sms.outbox;
