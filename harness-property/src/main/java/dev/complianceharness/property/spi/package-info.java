/**
 * Service-provider interfaces through which the property engine hands its output to its host (harness-core
 * registers both): every text it prints passes a {@link dev.complianceharness.property.spi.TextRedactor}, and
 * every finished run inside a JUnit test reaches the {@link dev.complianceharness.property.spi.PropertyRunListener}s.
 */
package dev.complianceharness.property.spi;
