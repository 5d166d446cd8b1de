/** Internals of the compliance report: the result registry, the JUnit Platform listener and the writers. */
package dev.complianceharness.report.internal;
