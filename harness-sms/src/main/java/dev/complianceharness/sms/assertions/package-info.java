/** AssertJ assertions on recorded texts: permitted hours, kind, recipient; messages show the rule, window and local time, number masked. */
package dev.complianceharness.sms.assertions;
