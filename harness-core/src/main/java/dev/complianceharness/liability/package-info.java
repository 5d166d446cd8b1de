/** Liability zones: mark the code that can hurt the business, and build the map of it from compiled classes. */
package dev.complianceharness.liability;
