/**
 * Contact-window rules as versioned data with provenance: rule packs, the rule set a team chooses
 * (strictness, additions, overrides) and the checks that reject broken rule data.
 */
package dev.complianceharness.sms.rules;
