/** Masking of personal data in everything the harness prints. */
package dev.complianceharness.mask;
