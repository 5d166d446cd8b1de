/** The example customer-service desk: a correct variant, and deliberately leaky ones the PII checks must catch. */
@LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = "eu-gdpr-art-5-1-f", guardedBy = "pii.logs",
        owner = "privacy-engineering")
package dev.complianceharness.examples.customerservice;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
