/** Internals of the liability map: the byte scan that spares an import when no class names a zone. */
package dev.complianceharness.liability.internal;
