package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Which shipped rules (contact windows and frequency caps) a {@link RuleSet} enforces. Rules a team adds or
 * overrides are always enforced: they are the team's own decision. A country all of whose rules are dropped is
 * not covered, so its recipients are never permitted.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Strictness {
    /** Every rule, including medium-confidence and uncertain ones: the strictest choice. The default. */
    ALL_RULES,
    /** Only rules of {@link dev.complianceharness.invariant.Confidence#HIGH high} confidence, taken from a cited primary source. */
    HIGH_CONFIDENCE_ONLY
}
