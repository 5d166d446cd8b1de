/** Implementation of harness-sms; not API, may change in any release. */
package dev.complianceharness.sms.internal;
