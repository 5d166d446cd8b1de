/** What a payment service did, as the harness records it: requests, their results, and the payment's state and ledger. */
package dev.complianceharness.payments.event;
