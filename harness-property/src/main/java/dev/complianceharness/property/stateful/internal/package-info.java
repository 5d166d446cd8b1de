/** Internals of stateful testing: the bounded linearizability search and masked rendering; not public API. */
package dev.complianceharness.property.stateful.internal;
