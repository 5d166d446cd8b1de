/** Spring glue: {@link dev.complianceharness.spring.ComplianceBeans} puts the running compliance test's clock and recording parts into the test's application context. */
package dev.complianceharness.spring;
