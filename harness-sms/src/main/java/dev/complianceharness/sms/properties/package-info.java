/** The generated property suite that checks a team's SMS scheduler across jurisdictions, one dynamic test each. */
package dev.complianceharness.sms.properties;
