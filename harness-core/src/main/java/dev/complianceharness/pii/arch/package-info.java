/** ArchUnit rules for classes that hold personal data, in the style of ArchUnit's {@code GeneralCodingRules}. */
package dev.complianceharness.pii.arch;
