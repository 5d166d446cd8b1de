/** The example customer-service desk: a correct variant, and eight deliberately leaky ones the PII checks must catch. */
package dev.complianceharness.examples.customerservice;
