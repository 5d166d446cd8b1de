/** A testkit for module authors: prove an invariant flags and accepts given traces, and check a module's metadata. */
package dev.complianceharness.testkit;
