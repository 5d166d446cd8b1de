package dev.complianceharness.examples.redaction.audited;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;

/**
 * A class the conformance test audits: a team named its zone after a customer and wrote her number into it,
 * so the audit's output would show them if it did not pass the redaction boundary.
 */
@LiabilityZone(tier = LiabilityTier.REGULATORY, name = "VIP desk of Marguerite Okonkwo-Ruiz, +1 786-555-0163",
        regulations = "Cal. Civ. Code § 1798.100(a)(1)")
public class VipDesk {

    @Pii(PiiKind.EMAIL)
    private String email;

    /** @return the customer's address */
    public String email() {
        return email;
    }
}
