/** Log capture for tests: Logback, Log4j2, java.util.logging and the standard streams, attributed to the right test. */
package dev.complianceharness.pii.logs;
