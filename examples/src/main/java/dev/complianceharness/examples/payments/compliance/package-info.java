/** What the team adds to test its payment service with the harness: the adapter onto the harness's commands. */
package dev.complianceharness.examples.payments.compliance;
