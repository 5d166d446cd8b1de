/** JUnit Jupiter integration: {@link dev.complianceharness.junit.ComplianceTest} activates invariant modules on a test class. */
package dev.complianceharness.junit;
