/**
 * An SMS campaign scheduler, as a team would write it: triggered and scheduled marketing messages sent through
 * the team's {@link dev.complianceharness.examples.sms.SmsSender}, with its own reading of the contact-window
 * rules, in a correct variant and seven deliberately buggy ones ({@link dev.complianceharness.examples.sms.SchedulerVariant}).
 */
@LiabilityZone(tier = LiabilityTier.REGULATORY, regulations = {"us-tcpa-64.1200-c-1", "us-fl-501.616"},
        guardedBy = "sms.contact-rules", owner = "sms-compliance")
package dev.complianceharness.examples.sms;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.liability.LiabilityZone;
