/**
 * What is personal data ({@link dev.complianceharness.mask.Pii}, {@link dev.complianceharness.mask.PiiKind}) and the
 * one redaction boundary every text the harness writes passes through ({@link dev.complianceharness.mask.Redaction}).
 */
package dev.complianceharness.mask;
