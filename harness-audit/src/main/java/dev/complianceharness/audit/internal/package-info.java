/** Evidence rules, CODEOWNERS reading and rendering behind the audit; not part of the public API. */
package dev.complianceharness.audit.internal;
