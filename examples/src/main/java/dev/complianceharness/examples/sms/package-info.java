/**
 * An SMS campaign scheduler, as a team would write it: triggered and scheduled marketing messages sent through
 * the team's {@link dev.complianceharness.examples.sms.SmsSender}, with its own reading of the contact-window
 * rules, in a correct variant and seven deliberately buggy ones ({@link dev.complianceharness.examples.sms.SchedulerVariant}).
 */
package dev.complianceharness.examples.sms;
