/** What a team implements and uses to test its own payment service: the adapter, the recorder and the generated command sequences. */
package dev.complianceharness.payments.testing;
