/** Personal data in logs: detectors, canaries, log capture and assertions (the {@link dev.complianceharness.mask.Pii} annotation and the kinds of personal data live in {@code mask}, below every output). */
package dev.complianceharness.pii;
