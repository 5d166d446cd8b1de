/** Generators for SMS compliance properties: phone numbers by jurisdiction and instants at the edges that break schedulers. */
package dev.complianceharness.sms.generators;
