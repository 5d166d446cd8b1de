/** Implementation of the SMS rule packs (the rule-file parser); not API, may change in any release. */
package dev.complianceharness.sms.rules.internal;
