/** The invariant model: regulations, owners, liability tiers, invariants, violations and the modules that bundle them. */
package dev.complianceharness.invariant;
