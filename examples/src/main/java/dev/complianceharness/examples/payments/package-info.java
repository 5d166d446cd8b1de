/** A sample payment service with manual capture, on PostgreSQL through plain JDBC and in memory, with deliberate flaws for the proof tests. */
@LiabilityZone(tier = LiabilityTier.FINANCIAL, regulations = {"us-reg-z-1026-13", "eu-psd2-64-75"},
        guardedBy = "payments", owner = "payments-engineering")
package dev.complianceharness.examples.payments;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
