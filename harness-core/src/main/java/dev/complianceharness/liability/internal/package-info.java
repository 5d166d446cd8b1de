/** Reading liability zone declarations from class files; not part of the public API. */
package dev.complianceharness.liability.internal;
