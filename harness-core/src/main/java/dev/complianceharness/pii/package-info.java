/** Personal data in logs: the {@link dev.complianceharness.pii.Pii} annotation, detectors, canaries and assertions. */
package dev.complianceharness.pii;
