/** A newsletter service and the CAN-SPAM invariant module that guards it: the smallest end-to-end example. */
@LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = {"us-can-spam-7704-a3", "us-can-spam-7704-a4"},
        owner = "marketing-compliance")
package dev.complianceharness.examples.newsletter;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
