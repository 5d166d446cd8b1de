/** The context customizer, bean registration and delegating beans behind {@link dev.complianceharness.spring.ComplianceBeans}. */
package dev.complianceharness.spring.internal;
