/** Every {@code complianceharness.*} configuration key, read the same way by every entry point of the harness. */
package dev.complianceharness.property.configuration;
