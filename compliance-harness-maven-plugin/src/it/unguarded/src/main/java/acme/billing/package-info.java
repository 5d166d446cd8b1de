@LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = "eu-gdpr-art-6", owner = "billing")
package acme.billing;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
