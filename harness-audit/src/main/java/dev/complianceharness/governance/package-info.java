/** Governance ArchUnit rules: owned liability zones, third-party clients behind adapters, and security gates. */
package dev.complianceharness.governance;
