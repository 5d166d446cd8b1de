/**
 * Recipients and where they may be: a phone number in E.164 form with the location facts a team knows,
 * resolved to every candidate jurisdiction and time zone.
 */
package dev.complianceharness.sms.recipient;
