/** Implementation of the property engine: choice sequences, shrinking, failure storage; not public API. */
package dev.complianceharness.property.internal;
