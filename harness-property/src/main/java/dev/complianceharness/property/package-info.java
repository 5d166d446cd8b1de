/** Property-based testing: generators drawing from a recorded choice sequence, a runner, shrinking and replay. */
package dev.complianceharness.property;
