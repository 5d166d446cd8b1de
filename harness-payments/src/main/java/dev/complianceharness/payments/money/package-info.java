/** Amounts in minor units per currency, with the ISO 4217 defaults and the providers' own minor-unit rules. */
package dev.complianceharness.payments.money;
