/** A newsletter service and the CAN-SPAM invariant module that guards it: the smallest end-to-end example. */
package dev.complianceharness.examples.newsletter;
