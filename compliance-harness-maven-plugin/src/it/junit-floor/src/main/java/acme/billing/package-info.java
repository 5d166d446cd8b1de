@LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = "acme-reminder-opt-in", owner = "billing")
package acme.billing;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
