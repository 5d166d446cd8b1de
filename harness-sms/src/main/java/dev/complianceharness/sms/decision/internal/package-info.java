/** Implementation of the SMS decision (candidate rules, compiled schedules, zone timelines); not API, may change in any release. */
package dev.complianceharness.sms.decision.internal;
