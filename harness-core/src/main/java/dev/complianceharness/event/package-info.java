/** What a test recorded: events stamped with the test clock's instant, the per-test trace and the recording parts. */
package dev.complianceharness.event;
